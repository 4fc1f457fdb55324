/**
 * Scheduled reports as ADP Workforce Now's Automated Export Services deliver them, deterministic per seed: a custom
 * census report (title rows above the header, UTF-8 with a BOM, CRLF) and a payroll register (one row per check,
 * quoted thousands separators), week after week for one employer. The defects are the ones the quality gate checks.
 */

/** Census columns in ADP's report-builder spelling (the connection's recipe maps them). */
const CENSUS_HEADERS = [
  "Payroll Company Code",
  "Associate ID",
  "File Number",
  "Legal First Name",
  "Legal Last Name",
  "Tax ID (SSN)",
  "Birth Date",
  "Gender",
  "Work Contact: Work Email",
  "Primary Address: State / Territory Code",
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
  "Location Description",
];

/** Payroll register columns (ADP Workforce Now's register export). */
const REGISTER_HEADERS =
  "Company Code,Payroll Number,Pay Date,Period Beginning Date,Period Ending Date,Associate ID,Employee Name,Check/Voucher Number,Check/Voucher,Total Hours,Regular Earnings,Overtime Earnings,Bonus Earnings,Gross Pay,Federal Income Tax,Social Security - EE,Medicare - EE,State Income Tax,State Disability - EE,Local Income Tax,401(k),Roth 401(k),Medical,Dental,Vision,HSA,Net Pay,Social Security - ER,Medicare - ER,FUTA - ER,SUI - ER,401(k) Match - ER";

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
  "José",
  "Sofía",
  "Wei",
  "Priya",
  "Aisha",
  "Luis",
  "Hannah",
  "Daniel",
  "Emily",
  "Kwame",
];
const LAST = [
  "Smith",
  "Johnson",
  "Garcia",
  "Miller",
  "Davis",
  "Rodríguez",
  "Martinez",
  "Hernández",
  "Lopez",
  "Wilson",
  "Nguyen",
  "Chen",
  "O'Neill",
  "Okafor",
  "Pérez",
  "Clark",
  "Lee",
  "Brown",
  "Taylor",
  "White",
];
const DEPARTMENTS = ["Operations", "Warehouse", "Sales", "Finance", "Support", "Engineering"];
const TITLES = ["Associate", "Specialist", "Coordinator", "Lead", "Manager, West", "Representative"];
const SITES: [string, string][] = [
  ["CA", "Oakland Distribution Center"],
  ["TX", "Austin Office"],
  ["NY", "New York Office"],
  ["IL", "Chicago Plant"],
];

/** A 32-bit PRNG (mulberry32): the same seed gives the same files. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Person {
  id: string;
  /** ADP's File Number: unique within the company code, with leading zeros. */
  file: string;
  first: string;
  last: string;
  ssn: string;
  dob: string;
  gender: string;
  title: string;
  dept: string;
  manager: string;
  hourly: boolean;
  /** Cents per hour, or cents per year. */
  rate: number;
  site: [string, string];
  hired: string;
  hiredMs: number;
  terminated: string | null;
}

/** One employer's people, changing a little every week. */
export interface Employer {
  code: string;
  name: string;
  people: Person[];
  random: () => number;
  next: number;
  /** The next check number of its registers. */
  check: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
/** `MM/DD/YYYY` of a date (ADP's format). */
export const usDate = (d: Date) => `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
const cell = (v: string) => (/[",]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const money = (cents: number) => {
  const text = (cents / 100).toFixed(2);
  return cents >= 100_000 ? `"${Number(text).toLocaleString("en-US", { minimumFractionDigits: 2 })}"` : text;
};

function newPerson(e: Employer, hired: Date): Person {
  const r = e.random;
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const n = e.next++;
  const hourly = r() < 0.5;
  const dept = pick(DEPARTMENTS);
  return {
    id: `${e.code}${(n * 7919 + 100_003).toString(36).toUpperCase().padStart(6, "0")}`,
    file: pad(n + 101, 6),
    first: pick(FIRST),
    last: pick(LAST),
    ssn: `${pad(100 + Math.floor(r() * 565), 3)}-${pad(10 + Math.floor(r() * 89))}-${pad(1000 + Math.floor(r() * 8999), 4)}`,
    dob: `${pad(1 + Math.floor(r() * 12))}/${pad(1 + Math.floor(r() * 28))}/${1960 + Math.floor(r() * 42)}`,
    gender: r() < 0.5 ? "Female" : "Male",
    title: `${dept} ${pick(TITLES)}`,
    dept,
    manager: n === 0 ? "" : (e.people[Math.floor((n - 1) / 8)]?.id ?? ""),
    hourly,
    rate: hourly ? 1600 + Math.floor(r() * 3000) : 4_500_000 + Math.floor(r() * 1_000) * 10_000,
    site: pick(SITES),
    hired: usDate(hired),
    hiredMs: hired.getTime(),
    terminated: null,
  };
}

/** A new employer of `size` people, hired over the years before `asOf`. */
export function newEmployer(index: number, size: number, seed: number, asOf: Date): Employer {
  const code = `${String.fromCharCode(65 + (index % 26))}${String.fromCharCode(65 + (Math.floor(index / 26) % 26))}${index.toString(36).toUpperCase()}`;
  const e: Employer = {
    code,
    name: `Employer ${index + 1} Holdings`,
    people: [],
    random: rng(seed * 1_000_003 + index),
    next: 0,
    check: 100_000,
  };
  for (let i = 0; i < size; i++) e.people.push(newPerson(e, new Date(asOf.getTime() - Math.floor(e.random() * 9000) * 86_400_000)));
  return e;
}

/** A normal week: one hire at most, one termination at most, a promotion. Always within the gate's limits. */
export function advanceWeek(e: Employer, asOf: Date): void {
  const r = e.random;
  const active = e.people.filter((p) => !p.terminated);
  if (r() < 0.5) e.people.push(newPerson(e, asOf));
  if (r() < 0.4 && active.length > 3) active[1 + Math.floor(r() * (active.length - 1))]!.terminated = usDate(asOf);
  const promoted = active[Math.floor(r() * active.length)];
  if (promoted && !promoted.title.startsWith("Senior ")) promoted.title = `Senior ${promoted.title}`;
}

/**
 * The census report: as a scheduled export, with three title rows and a blank line above the header as ADP's custom
 * reports put them; `titleRows: false` is the operator's download by hand (the table only).
 */
export function censusCsv(e: Employer, runAt: Date, people = e.people, titleRows = true): Buffer {
  const rows = people.map((p) =>
    [
      e.code,
      p.id,
      p.file,
      p.first,
      p.last,
      p.ssn,
      p.dob,
      p.gender,
      `${p.first}.${p.last}@employer.example`.toLowerCase().replace(/[^a-z.@]/g, ""),
      p.site[0],
      p.title,
      p.dept,
      p.manager,
      p.hourly ? "Part Time" : "Full Time",
      p.terminated ? "Terminated" : "Active",
      p.hired,
      p.terminated ?? "",
      p.hourly ? "Non-Exempt" : "Exempt",
      (p.rate / 100).toFixed(2),
      p.hourly ? "Hourly" : "Salary",
      p.site[1],
    ]
      .map(cell)
      .join(","),
  );
  const title = titleRows ? [e.name, "Employee Census (Automated Export)", `Run ${usDate(runAt)} 05:00 AM`, ""] : [];
  return Buffer.from(`\ufeff${[...title, CENSUS_HEADERS.join(","), ...rows].join("\r\n")}\r\n`);
}

/** One check's amounts in cents: gross, employee taxes and deductions, net, employer items. */
function check(p: Person): number[] {
  const hours = p.hourly ? 40 : 80;
  const gross = p.hourly ? p.rate * 40 : Math.round(p.rate / 52);
  const pct = (x: number) => Math.round(gross * x);
  const taxes = [pct(0.11), pct(0.062), pct(0.0145), pct(0.04), pct(0.011), 0];
  const deductions = [p.hourly ? 0 : pct(0.05), 0, p.hourly ? 0 : 9500, 1225, 412, 0];
  const net = gross - taxes.reduce((a, b) => a + b, 0) - deductions.reduce((a, b) => a + b, 0);
  return [
    hours * 100,
    gross,
    0,
    0,
    gross,
    ...taxes,
    ...deductions,
    net,
    pct(0.062),
    pct(0.0145),
    pct(0.006),
    pct(0.034),
    p.hourly ? 0 : pct(0.04),
  ];
}

/** The payroll register of a weekly pay date: one check per active person. `unreconciled` breaks the net of that many. */
export function registerCsv(e: Employer, payDate: Date, payroll: number, unreconciled = 0): Buffer {
  const start = new Date(payDate.getTime() - 12 * 86_400_000);
  const end = new Date(payDate.getTime() - 6 * 86_400_000);
  const lines = [REGISTER_HEADERS];
  let broken = 0;
  // a person hired after the pay period is paid from the next register on (and is in the census before that)
  for (const p of e.people.filter((x) => !x.terminated && x.hiredMs <= end.getTime())) {
    const amounts = check(p);
    if (broken < unreconciled) {
      amounts[17] = amounts[17]! + 10_000; // net pay $100 off: gross − taxes − deductions ≠ net
      broken++;
    }
    const [hours, ...cents] = amounts;
    const head = [
      e.code,
      String(payroll),
      usDate(payDate),
      usDate(start),
      usDate(end),
      p.id,
      `"${p.last}, ${p.first}"`,
      String(e.check++),
      p.hourly ? "Check" : "Voucher",
      (hours! / 100).toFixed(2),
    ];
    lines.push([...head, ...cents.map(money)].join(","));
  }
  return Buffer.from(`${lines.join("\r\n")}\r\n`);
}

/** The defects a file can have, each one of the gate's reasons. */
export type Defect = "headcount_drop" | "stable_fields" | "unreconciled" | "corrupt";

/** A census with a defect: 40 % of the people missing, or 30 % with a new birth date and SSN (a mis-keyed report). */
export function defectiveCensus(e: Employer, runAt: Date, defect: "headcount_drop" | "stable_fields"): Buffer {
  if (defect === "headcount_drop")
    return censusCsv(
      e,
      runAt,
      e.people.filter((_, i) => i % 5 >= 2),
    );
  const people = e.people.map((p, i) => (i % 10 < 3 ? { ...p, dob: "01/01/1900", ssn: `999-${pad((i % 90) + 10)}-0000` } : p));
  return censusCsv(e, runAt, people);
}

/** A corrupt delivery: a zipped export cut short, or a PDF printed instead of the CSV. */
export function corruptFile(seed: number): Buffer {
  if (seed % 2 === 0)
    return Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37 + seed) % 256)),
    ]);
  return Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n", "latin1");
}
