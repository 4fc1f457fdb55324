/** The quality gate: pure checks that decide between publishing a delivered file now and holding it for review. */
import type { GateLimits } from "../../config.js";
import type { UploadAnalysis } from "../ops/upload-analysis.js";

/** One line of the gate's verdict. */
export interface VerdictLine {
  /** A stable name of the check. */
  check: string;
  ok: boolean;
  /** What was found, in words an operator reads. */
  message: string;
  /** The check's threshold in words (e.g. "10 %"), for the review screen's table. */
  limit?: string;
  /** What the file measured against that threshold (e.g. "12 of 30 (40 %)"). */
  measured?: string;
}

/** What the gate looks at besides the analysis. */
export interface GateContext {
  limits: GateLimits;
  /** Columns with values that the recipe did not know. */
  unknownColumns: string[];
  /** Company codes in the file that the recipe's company never used (empty when the file matches). */
  foreignCompanies: string[];
  /** The newest pay date already published (pay files). */
  lastPayDate: string | null;
}

/** `n` people out of `base` is beyond the limit: above the small-change floor and above the share or the absolute cap. */
export function beyond(n: number, base: number, pct: number, limits: GateLimits): boolean {
  if (n <= limits.minChange) return false;
  if (n > limits.maxChange) return true;
  return base > 0 && n * 100 > pct * base;
}

const share = (n: number, base: number) => (base > 0 ? `${Math.round((n * 1000) / base) / 10} %` : "n/a");

const STABLE_FIELDS = new Set(["dob", "ssn", "first_name", "last_name"]);

function orgLines(analysis: Extract<UploadAnalysis, { group: "org" }>, limits: GateLimits): VerdictLine[] {
  const c = analysis.diff.counts;
  const previous = c.previous ?? 0;
  const next = c.next ?? analysis.input.people.length;
  const change = Math.abs(next - previous);
  const leaving = (c.terminations ?? 0) + (c.removed ?? 0);
  const hires = c.hires ?? 0;
  const stable = analysis.diff.changed.filter((p) => p.fields.some((f) => STABLE_FIELDS.has(f.field))).length;
  const line = (check: string, n: number, pct: number, what: string): VerdictLine => {
    const bad = beyond(n, previous, pct, limits);
    const measured = `${n} of ${previous} (${share(n, previous)})`;
    return {
      check,
      ok: !bad,
      message: `${what}: ${measured}; limit ${pct} %, changes of ${limits.minChange} or fewer always pass`,
      limit: `${pct} % (at most ${limits.maxChange})`,
      measured,
    };
  };
  return [
    line("headcount", change, limits.headcountPct, `Headcount ${previous} → ${next}, a change of`),
    line("terminations", leaving, limits.terminationsPct, "People terminated or missing"),
    line("new_hires", hires, limits.hiresPct, "New people"),
    line("stable_fields", stable, limits.stableFieldsPct, "People whose date of birth, SSN or name changed"),
  ];
}

function payLines(analysis: Extract<UploadAnalysis, { group: "pay" }>, lastPayDate: string | null): VerdictLine[] {
  const known = new Set(analysis.diff.newPayments.map((p) => p.source_id));
  const fresh = analysis.input.payments.filter((p) => known.has(p.source_id));
  const early = lastPayDate ? fresh.filter((p) => p.pay_date !== null && p.pay_date <= lastPayDate) : [];
  const unbalanced = analysis.input.payments.filter((p) => {
    const sum = p.pay_statements.reduce((s, st) => s + (st.gross_pay?.amount ?? 0), 0);
    const gross = p.gross_pay?.amount;
    return gross !== null && gross !== undefined && Math.abs(sum - gross) > 2;
  });
  return [
    {
      check: "pay_dates",
      ok: early.length === 0,
      limit: lastPayDate ? `after ${lastPayDate}` : "any date",
      measured: `${early.length} of ${fresh.length} new payment(s) dated too early`,
      message: early.length
        ? `${early.length} new payment(s) dated on or before the last published pay date ${lastPayDate} (first: ${early[0]!.pay_date})`
        : `${fresh.length} new payment(s), all after the last published pay date${lastPayDate ? ` ${lastPayDate}` : ""}; ${analysis.diff.existingPayments} re-sent`,
    },
    {
      check: "payment_totals",
      ok: unbalanced.length === 0,
      limit: "0 payments off by more than $0.02",
      measured: `${unbalanced.length} of ${analysis.input.payments.length} payment(s) off`,
      message: unbalanced.length
        ? `${unbalanced.length} payment(s) whose gross differs from the sum of their statements`
        : "Every payment's gross equals the sum of its statements",
    },
  ];
}

/** Every check, each with its finding; the file passes when every line is ok. */
export function runGate(analysis: UploadAnalysis, ctx: GateContext): VerdictLine[] {
  const errors = analysis.report.counts.errors ?? analysis.report.errors.length;
  const lines: VerdictLine[] = [
    {
      check: "validation",
      ok: analysis.report.ok,
      limit: "0 blocking errors",
      measured: `${analysis.report.ok ? 0 : errors} error(s), ${analysis.report.counts.warnings ?? 0} warning(s)`,
      message: analysis.report.ok
        ? `No blocking validation errors (${analysis.report.counts.warnings ?? 0} warnings)`
        : `${errors} blocking validation error(s); first: ${analysis.report.errors[0]?.message ?? "see the report"}`,
    },
    {
      check: "employer_identity",
      ok: ctx.foreignCompanies.length === 0,
      limit: "the recipe's company only",
      measured: `${ctx.foreignCompanies.length} other compan${ctx.foreignCompanies.length === 1 ? "y" : "ies"}`,
      message: ctx.foreignCompanies.length
        ? `The file names another company: ${ctx.foreignCompanies.slice(0, 3).join(", ")}`
        : "The company matches the recipe's",
    },
    {
      check: "unknown_columns",
      ok: ctx.unknownColumns.length === 0,
      limit: "0 new columns with values",
      measured: `${ctx.unknownColumns.length} new column(s)`,
      message: ctx.unknownColumns.length
        ? `Columns the recipe does not know hold values: ${ctx.unknownColumns.slice(0, 5).join(", ")}`
        : "No new columns with values",
    },
  ];
  return [...lines, ...(analysis.group === "org" ? orgLines(analysis, ctx.limits) : payLines(analysis, ctx.lastPayDate))];
}

/** The lines that failed. */
export function failedLines(verdict: readonly VerdictLine[]): VerdictLine[] {
  return verdict.filter((l) => !l.ok);
}
