/**
 * The one formatting module of every page (console, dashboard, Connect, status page): dates, times, money, counts,
 * status words and actor names, so that people never see a raw code, an ISO timestamp or an amount in cents.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatter = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric" });

/** Formats an ISO date or timestamp as a local date like "Dec 8, 2026"; "—" for none, the input if it does not parse. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  // A bare "2026-12-08" parses as UTC midnight, which is the previous day west of Greenwich: read it as local.
  const dateOnly = DATE_ONLY.exec(iso);
  const date = dateOnly ? new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3])) : new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
}

const STATUS_WORDS: Record<string, string> = {
  pending: "Pending",
  processing: "Processing",
  connected: "Connected",
  error_no_account_setup: "No account set up",
  error_permissions: "Missing permissions",
  reauth: "Needs re-authentication",
  disconnected: "Disconnected",
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  cancelled: "Cancelled",
  complete: "Complete",
  error: "Error",
  needs_mapping: "Needs mapping",
  invalid: "Has errors",
  valid: "Ready to publish",
  published: "Published",
  discarded: "Discarded",
};

/** "snake_case" → "Snake case". */
export function humanize(code: string): string {
  const words = code.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A status code in words ("error_permissions" → "Missing permissions"). */
export function statusWords(status: string): string {
  return STATUS_WORDS[status] ?? humanize(status);
}

const dateTime = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" });

/** A timestamp as local date and time ("Dec 8, 2026, 3:04 PM"); the input itself when it does not parse. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** A positive span as "3d 4h", "2h 5m" or "12m" (at most two units). */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return mins > 0 ? `${hours}h ${mins}m` : `${hours}h`;
  return `${mins}m`;
}

/** "due in 3d 4h" or "overdue by 2h" for the milliseconds left. */
export function countdownText(remainingMs: number): string {
  return remainingMs < 0 ? `overdue by ${formatSpan(remainingMs)}` : `due in ${formatSpan(remainingMs)}`;
}

/** A `datetime-local` input value for a date, in the browser's time zone ("2026-12-08T15:04"). */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const integer = new Intl.NumberFormat("en-US");

/** A number with thousands separators ("12,480"). */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** Plural-aware count ("1 row", "3 rows"). */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : plural}`;
}

/** File size in B / KB / MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const moneyFormats = new Map<string, Intl.NumberFormat | null>();

/** The currency format for an ISO 4217 code, or null when the browser does not know the code. */
function moneyFormat(currency: string): Intl.NumberFormat | null {
  const code = currency.toUpperCase();
  if (!moneyFormats.has(code)) {
    let format: Intl.NumberFormat | null = null;
    try {
      format = new Intl.NumberFormat("en-US", { style: "currency", currency: code });
    } catch {
      // an unknown code (a typo in a file): the plain amount below
    }
    moneyFormats.set(code, format);
  }
  return moneyFormats.get(code) ?? null;
}

/** "$1,234.56" from an amount in cents (in `currency`, USD by default; "1234.56" for an unknown code); "—" for null. */
export function formatMoney(cents: number | null | undefined, currency = "USD"): string {
  if (cents === null || cents === undefined) return "—";
  return moneyFormat(currency)?.format(cents / 100) ?? (cents / 100).toFixed(2);
}

const COUNT_NOUNS: Record<string, [string, string]> = {
  people: ["person", "people"],
  errors: ["error", "errors"],
  warnings: ["warning", "warnings"],
  payments: ["payment", "payments"],
  statements: ["pay statement", "pay statements"],
  pay_statements: ["pay statement", "pay statements"],
  pay_groups: ["pay group", "pay groups"],
  individuals: ["person", "people"],
};

/**
 * One count of a validation report or a snapshot in words: "3 people", "1 error", "$176,480.22 gross pay" (keys in
 * `…_cents` are money), "3 unknown column issues" (`issues.<code>`), "12 active".
 */
export function countWords(key: string, n: number): string {
  if (key.startsWith("issues.")) return count(n, `${humanize(key.slice("issues.".length)).toLowerCase()} issue`);
  if (key.endsWith("_cents"))
    return `${formatMoney(n)} ${humanize(key.slice(0, -"_cents".length)).toLowerCase()}${key === "gross_cents" ? " pay" : ""}`;
  const noun = COUNT_NOUNS[key];
  if (noun) return count(n, noun[0], noun[1]);
  return `${formatCount(n)} ${humanize(key).toLowerCase()}`;
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A JSON scalar as people read it: timestamps and dates formatted, everything else as text. */
export function formatScalar(value: string | number): string {
  if (typeof value === "number") return formatCount(value);
  if (ISO_TIMESTAMP.test(value)) return formatDateTime(value);
  if (DATE_ONLY.test(value)) return formatDate(value);
  return value;
}

const INLINE_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/g;

/** A sentence with its ISO timestamps written as local dates and times (activity messages recorded them as ISO). */
export function formatInlineTimestamps(text: string): string {
  return text.replace(INLINE_TIMESTAMP, (iso) => formatDateTime(iso));
}
