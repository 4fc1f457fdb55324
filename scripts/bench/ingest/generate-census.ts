/**
 * A large, realistic ADP Workforce Now census for the ingestion benchmark, deterministic per seed. It writes two
 * versions of one company: `previous` and `next`, where next has 1% new hires, 1% new terminations and 2% of people
 * with a changed title and pay rate.
 */

/** Columns written, in the ADP Workforce Now template's spelling (a typical custom report has a subset of them). */
export const BENCH_HEADERS = [
  "Associate ID",
  "Legal First Name",
  "Legal Last Name",
  "Tax ID (SSN)",
  "Birth Date",
  "Gender",
  "Job Title Description",
  "Home Department Description",
  "Reports To Associate ID",
  "Worker Category Description",
  "Position Status",
  "Hire Date",
  "Termination Date",
  "FLSA Description",
  "Regular Pay Rate Amount",
  "Regular Pay Rate Description",
  "Primary Address: State / Territory Code",
  "Location Description",
];

const FIRST = [
  "James",
  "Mary",
  "Robert",
  "Patricia",
  "John",
  "Jennifer",
  "Michael",
  "Linda",
  "David",
  "Elizabeth",
  "William",
  "Barbara",
  "Richard",
  "Susan",
  "José",
  "Jessica",
  "Thomas",
  "Sarah",
  "Wei",
  "Karen",
  "Daniel",
  "Sofía",
  "Matthew",
  "Priya",
  "Anthony",
  "Aisha",
  "Mark",
  "Emily",
  "Luis",
  "Hannah",
];
const LAST = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Garcia",
  "Miller",
  "Davis",
  "Rodríguez",
  "Martinez",
  "Hernández",
  "Lopez",
  "Gonzalez",
  "Wilson",
  "Anderson",
  "Thomas",
  "Taylor",
  "Moore",
  "Jackson",
  "Martin",
  "Lee",
  "Pérez",
  "Thompson",
  "White",
  "Harris",
  "Nguyen",
  "Clark",
  "O'Neill",
  "Chen",
  "Okafor",
];
const DEPARTMENTS = ["Engineering", "Sales", "Operations", "Warehouse", "Finance", "Support", "Marketing", "Logistics"];
const TITLES = ["Associate", "Specialist", "Analyst", "Coordinator", "Lead", "Engineer", "Manager, West", "Representative"];
const STATES = ["CA", "TX", "NY", "IL", "WA", "MA"];
const SITES = ["SF HQ", "Austin", "NYC", "Chicago", "Seattle", "Boston"];

const TITLE = BENCH_HEADERS.indexOf("Job Title Description");
const STATUS = BENCH_HEADERS.indexOf("Position Status");
const TERMINATION = BENCH_HEADERS.indexOf("Termination Date");
const RATE = BENCH_HEADERS.indexOf("Regular Pay Rate Amount");

/** A 32-bit PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, "0");
const usDate = (y: number, m: number, d: number) => `${pad(m, 2)}/${pad(d, 2)}/${y}`;
const quote = (cell: string) => (cell.includes(",") || cell.includes('"') ? `"${cell.replaceAll('"', '""')}"` : cell);

/** An ADP-style associate id for person `i`. */
export const associateId = (i: number) => `G3${(i * 7919 + 1_000_003).toString(36).toUpperCase().padStart(7, "0")}`;

/** One person's row in both versions; null where the person is absent from that version. */
function rows(i: number, random: () => number): { previous: string[] | null; next: string[] } {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const hourly = random() < 0.45;
  const dept = pick(DEPARTMENTS);
  const state = pick(STATES);
  const hireYear = 2000 + Math.floor(random() * 25);
  const formerlyTerminated = random() < 0.03;
  const rate = hourly ? (16 + random() * 40).toFixed(2) : (45_000 + Math.floor(random() * 1_500) * 100).toFixed(2);
  const title = `${dept === "Engineering" ? "Software" : dept} ${pick(TITLES)}`;
  const base = [
    associateId(i),
    pick(FIRST),
    pick(LAST),
    `${pad(1 + Math.floor(random() * 665), 3)}-${pad(1 + Math.floor(random() * 98), 2)}-${pad(1 + Math.floor(random() * 9998), 4)}`,
    usDate(1960 + Math.floor(random() * 45), 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
    random() < 0.5 ? "F" : "M",
    title,
    dept,
    i === 0 ? "" : associateId(Math.floor((i - 1) / 8)),
    hourly && random() < 0.4 ? "Part Time" : "Full Time",
    formerlyTerminated ? "Terminated" : "Active",
    usDate(hireYear, 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
    formerlyTerminated ? usDate(2025, 1 + Math.floor(random() * 6), 1 + Math.floor(random() * 28)) : "",
    hourly ? "Non-Exempt" : "Exempt",
    rate,
    hourly ? "Hourly" : "Salary",
    state,
    SITES[STATES.indexOf(state)]!,
  ];
  const next = [...base];
  if (i % 100 === 1 && !formerlyTerminated) {
    next[STATUS] = "Terminated";
    next[TERMINATION] = usDate(2026, 2, 27);
  }
  if (i % 50 === 2) {
    next[TITLE] = `Senior ${title}`;
    next[RATE] = (Number(rate) * 1.05).toFixed(2);
  }
  return { previous: i % 100 === 0 && i > 0 ? null : base, next };
}

/** The two versions as CSV text (UTF-8 with a BOM and CRLF line ends, as ADP exports them). */
export function generateCensus(people: number, seed = 20_260_301): { previous: string; next: string } {
  const random = rng(seed);
  const header = BENCH_HEADERS.join(",");
  const previous: string[] = [header];
  const next: string[] = [header];
  for (let i = 0; i < people; i++) {
    const r = rows(i, random);
    next.push(r.next.map(quote).join(","));
    if (r.previous) previous.push(r.previous.map(quote).join(","));
  }
  return { previous: `\ufeff${previous.join("\r\n")}\r\n`, next: `\ufeff${next.join("\r\n")}\r\n` };
}
