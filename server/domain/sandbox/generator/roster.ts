/**
 * Who works where and for whom: departments, employment kinds, statuses, hire and termination dates and the
 * management tree. Titles, pay and identities are derived from this plan by other modules.
 */
import type { Day } from "./calendar.js";
import type { CompanyPlan } from "./company.js";
import { type Rng, weightTable } from "./random.js";

/** How a person is engaged. */
export type Kind = "full_time" | "part_time" | "intern" | "temp" | "contractor";
/** Where a person stands at "today". */
export type Status = "active" | "leave" | "terminated";
/** Place in the management tree. */
export type Role = "ceo" | "head" | "manager" | "member";

/** One person's place in the company. */
export interface PersonPlan {
  /** Index into the company's departments. */
  department: number;
  /** CEO, department head, people manager or member. */
  role: Role;
  /** Ladder level for members: 0 entry … 3 principal. */
  level: number;
  /** Employment kind. */
  kind: Kind;
  /** Status at "today". */
  status: Status;
  /** Index of the manager in the returned list; -1 for the CEO. */
  manager: number;
  /** Hire date. */
  startDay: Day;
  /** Last day, for terminated people. */
  endDay: Day | null;
  /** Index into the company's sites. */
  site: number;
  /** Depth in the tree: CEO 0, department heads 1. */
  depth: number;
}

const MEMBER_KINDS = weightTable<Kind>([
  ["full_time", 88],
  ["part_time", 6],
  ["intern", 3],
  ["temp", 3],
]);
const LEVELS = weightTable([
  [0, 25],
  [1, 40],
  [2, 25],
  [3, 10],
]);

/** Heads and full-time active staff can manage; the rest hang off managers as leaves. */
function canManage(p: PersonPlan): boolean {
  return p.role === "ceo" || p.role === "head" || (p.kind === "full_time" && p.status === "active");
}

/** Largest i in a sorted list of start days with starts[i] <= day, plus one (at least 1: the head). */
function countStartedBy(starts: readonly Day[], day: Day): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(1, lo);
}

/** Draws a member's kind, status and office; only regular staff (full- or part-time) go on leave. */
function drawMember(rng: Rng, department: number, sites: number): PersonPlan {
  const kind: Kind = rng.chance(0.05) ? "contractor" : rng.draw(MEMBER_KINDS);
  let status: Status = rng.chance(0.08) ? "terminated" : rng.chance(0.02) ? "leave" : "active";
  if (status === "leave" && kind !== "full_time" && kind !== "part_time") status = "active";
  const site = sites === 1 || rng.chance(0.55) ? 0 : rng.int(1, sites - 1);
  return { department, role: "member", level: 0, kind, status, manager: -1, startDay: 0, endDay: null, site, depth: 0 };
}

/** Hire (and for terminated people, leaving) dates, skewed toward recent hires as companies grow. */
function drawDates(rng: Rng, p: PersonPlan, founding: Day, today: Day): void {
  const span = today - founding - 1;
  const sinceFounding = () => founding + 1 + Math.floor(span * Math.sqrt(rng.next()));
  if (p.kind === "intern") p.startDay = Math.max(founding + 1, today - rng.int(14, 150));
  else if (p.kind === "temp") p.startDay = Math.max(founding + 1, today - rng.int(14, 365));
  else p.startDay = sinceFounding();
  if (p.status !== "terminated") return;
  // A leaver worked at least a month and left before today.
  if (p.startDay > today - 31) p.startDay = founding + 1 + Math.floor((today - 32 - founding) * Math.sqrt(rng.next()));
  const latest = p.kind === "intern" ? Math.min(today - 1, p.startDay + 90) : today - 1;
  p.endDay = rng.int(Math.min(p.startDay + 30, latest), latest);
}

/** Ladder level for a member of a given kind. */
function drawLevel(rng: Rng, kind: Kind): number {
  if (kind === "intern") return 0;
  if (kind === "part_time" || kind === "temp") return rng.int(0, 1);
  if (kind === "contractor") return rng.int(1, 2);
  return rng.draw(LEVELS);
}

/**
 * One department's tree. Heads and active full-time staff form a heap (each node manages up to `span` others) with
 * hire dates sorted in heap order, so managers joined before their reports; everyone else hangs off a manager who had
 * already joined when they were hired.
 */
function arrangeDepartment(rng: Rng, people: PersonPlan[], members: readonly number[], founding: Day, today: Day): void {
  const core = members.filter((i) => canManage(people[i]!));
  const others = members.filter((i) => !canManage(people[i]!));
  const starts = core
    .map((i) => (people[i]!.role === "ceo" ? founding : founding + 1 + Math.floor((today - founding - 1) * Math.sqrt(rng.next()))))
    .sort((a, b) => a - b);
  const span = rng.int(4, 8);
  core.forEach((i, k) => {
    const p = people[i]!;
    p.startDay = starts[k]!;
    if (k === 0) {
      p.manager = p.role === "ceo" ? -1 : 0; // the head reports to the CEO, who is person 0 until sorting
      return;
    }
    p.manager = core[Math.floor((k - 1) / span)]!;
    const parent = people[p.manager]!;
    p.depth = parent.depth + 1;
    p.level = drawLevel(rng, p.kind);
    if (parent.role === "member") parent.role = "manager";
  });
  // Heap nodes 0 … internal-1 are the ones with reports.
  const internal = core.length <= 1 ? 1 : Math.floor((core.length - 2) / span) + 1;
  const internalStarts = starts.slice(0, internal);
  for (const i of others) {
    const p = people[i]!;
    drawDates(rng, p, founding, today);
    p.level = drawLevel(rng, p.kind);
    const manager = core[rng.int(0, countStartedBy(internalStarts, p.startDay) - 1)];
    if (manager === undefined) throw new Error("a department without a head has members");
    p.manager = manager;
    p.depth = people[manager]!.depth + 1;
    if (people[manager]!.role === "member") people[manager]!.role = "manager";
  }
}

/** Lays out `size` people, ordered by hire date (so employee numbers follow seniority), managers by index. */
export function planRoster(rng: Rng, plan: CompanyPlan, size: number, founding: Day, today: Day): PersonPlan[] {
  const sites = plan.sites.length;
  const people: PersonPlan[] = [];
  // The CEO and department heads are active full-time staff, mostly at headquarters.
  const lead = (department: number, role: Role): PersonPlan => {
    const site = role === "ceo" || sites === 1 || rng.chance(0.7) ? 0 : rng.int(1, sites - 1);
    return {
      department,
      role,
      level: 3,
      kind: "full_time",
      status: "active",
      manager: -1,
      startDay: founding,
      endDay: null,
      site,
      depth: role === "ceo" ? 0 : 1,
    };
  };
  people.push(lead(0, "ceo"));
  for (let d = 1; d < plan.departments.length && people.length < size; d++) people.push(lead(d, "head"));
  const weights = weightTable(plan.departments.map((d, i) => [i, d.weight] as const));
  while (people.length < size) people.push(drawMember(rng, rng.draw(weights), sites));

  const byDepartment = plan.departments.map(() => [] as number[]);
  people.forEach((p, i) => {
    byDepartment[p.department]!.push(i);
  });
  for (const members of byDepartment) arrangeDepartment(rng, people, members, founding, today);

  // Employee numbers follow hire order; the CEO, hired at founding, is first.
  const order = people.map((_, i) => i).sort((a, b) => people[a]!.startDay - people[b]!.startDay || a - b);
  const position = new Int32Array(people.length);
  order.forEach((from, to) => {
    position[from] = to;
  });
  for (const p of people) if (p.manager >= 0) p.manager = position[p.manager]!;
  return order.map((from) => people[from]!);
}
