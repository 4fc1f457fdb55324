/**
 * The simulated month's schedule, decided up front from a seed: each connection's weekly census and payroll register
 * (its own weekday and hour), which deliveries are defective (and how) and which arrive late. Pure: the same options
 * give the same plan.
 */
import { addDays } from "../../../server/domain/clock.js";
import { type Defect, rng } from "./adp-reports.js";

/** Options of the month. */
export interface MonthOptions {
  connections: number;
  days: number;
  /** Share of deliveries with a defect the gate checks, in percent. */
  defectivePct: number;
  /** Share of deliveries arriving late (beyond the grace period), in percent. */
  latePct: number;
  seed: number;
  /** Midnight UTC of the first simulated day. */
  start: Date;
}

/** One scheduled delivery. */
export interface Delivery {
  connection: number;
  kind: "census" | "register";
  /** Which weekly delivery of the connection (1 = the first automatic one). */
  week: number;
  /** When the employer's payroll system was scheduled to send it. */
  due: Date;
  /** When it arrives (later than `due` for a late one). */
  at: Date;
  defect: Defect | null;
  late: boolean;
}

/** A connection's size and delivery slot. */
export interface Slot {
  people: number;
  /** Days after the start of the month of its first automatic delivery (0–6). */
  weekday: number;
  /** Hour (UTC) its census arrives; the register 30 minutes later. */
  hour: number;
}

/** Size and slot of connection `i`: 15–80 people (assisted connections are small employers), a weekday, an hour. */
export function slotOf(i: number, seed: number): Slot {
  const r = rng(seed + i * 7_919);
  return { people: 15 + Math.floor(r() * 66), weekday: i % 7, hour: 5 + Math.floor(r() * 4) };
}

/** When connection `i` sends its week-`week` file of `kind` (week 0: the operator's first pull by hand). */
export function sendTime(slot: Slot, start: Date, week: number, kind: "census" | "register"): Date {
  const day = addDays(start, slot.weekday + 7 * (week - 1));
  return new Date(day.getTime() + slot.hour * 3_600_000 + (kind === "register" ? 30 * 60_000 : 0));
}

const CENSUS_DEFECTS: Defect[] = ["headcount_drop", "stable_fields", "corrupt"];
const REGISTER_DEFECTS: Defect[] = ["unreconciled", "corrupt"];

/** Every delivery of the month in arrival order, with the chosen defective and late ones (exact shares, rounded). */
export function planMonth(o: MonthOptions): Delivery[] {
  const all: Delivery[] = [];
  const end = addDays(o.start, o.days).getTime();
  for (let i = 0; i < o.connections; i++) {
    const slot = slotOf(i, o.seed);
    for (let week = 1; ; week++) {
      if (sendTime(slot, o.start, week, "census").getTime() >= end) break;
      for (const kind of ["census", "register"] as const) {
        const due = sendTime(slot, o.start, week, kind);
        if (due.getTime() < end) all.push({ connection: i, kind, week, due, at: due, defect: null, late: false });
      }
    }
  }
  // a seeded shuffle picks which deliveries go wrong: the first share defective, the next share late
  const r = rng(o.seed);
  const order = all.map((_, k) => k);
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(r() * (k + 1));
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  const defective = Math.round((all.length * o.defectivePct) / 100);
  const late = Math.round((all.length * o.latePct) / 100);
  const used = { census: 0, register: 0 };
  for (const k of order.slice(0, defective)) {
    const d = all[k]!;
    const kinds = d.kind === "census" ? CENSUS_DEFECTS : REGISTER_DEFECTS;
    d.defect = kinds[used[d.kind]++ % kinds.length]!; // each kind of report cycles through its own defects
  }
  for (const k of order.slice(defective, defective + late)) {
    const d = all[k]!;
    d.late = true;
    d.at = addDays(d.due, 3 + Math.floor(r() * 3)); // 3–5 days: past the 2-day grace, before the next week's file
  }
  return all.sort((a, b) => a.at.getTime() - b.at.getTime() || a.connection - b.connection);
}
