/**
 * The company itself: legal name and entity, EIN, contacts, departments, offices and bank accounts. People and pay are
 * planned afterwards against what is chosen here.
 */
import type { OrgSnapshotInput } from "../../../../contracts/linnet/snapshot-input.js";
import { BANKS, INDUSTRIES, NAME_FIRST, NAME_SECOND } from "./data/company-words.js";
import { DEPARTMENTS, type DepartmentSpec, EXECUTIVE } from "./data/departments.js";
import { METROS, type Metro, STREET_SUFFIXES, STREETS } from "./data/places.js";
import { randomAccountNumber, randomEin, randomPhone, randomRoutingNumber } from "./identifiers.js";
import { type Rng, weightTable } from "./random.js";

type Company = OrgSnapshotInput["company"];
type Entity = NonNullable<Company["entity"]>;
/** A postal address as the contracts spell it. */
export type Address = NonNullable<NonNullable<Company["locations"]>[number]>;

/** An office: its address and the metro it is in (people live nearby). */
export interface Site {
  /** The company location, with name and source id. */
  location: Address;
  /** Where it is. */
  metro: Metro;
}

/** What the rest of the generator builds on. */
export interface CompanyPlan {
  /** The company as published. */
  company: Company;
  /** Email domain, e.g. `blueharbor.com`. */
  domain: string;
  /** Offices, headquarters first. */
  sites: Site[];
  /** Departments in company order, Executive first. */
  departments: DepartmentSpec[];
  /** Large companies use VP titles for department heads. */
  large: boolean;
}

// Weights lean on how US employers are actually organised: LLCs and corporations dominate.
const ENTITIES: readonly (readonly [Entity & { suffix: string }, number])[] = [
  [{ type: "llc", subtype: null, suffix: "LLC" }, 34],
  [{ type: "corporation", subtype: "c_corporation", suffix: ", Inc." }, 28],
  [{ type: "corporation", subtype: "s_corporation", suffix: ", Inc." }, 20],
  [{ type: "corporation", subtype: "b_corporation", suffix: " PBC" }, 3],
  [{ type: "lp", subtype: null, suffix: " LP" }, 4],
  [{ type: "partnership", subtype: null, suffix: " LLP" }, 4],
  [{ type: "non_profit", subtype: null, suffix: " Foundation" }, 5],
  [{ type: "cooperative", subtype: null, suffix: " Cooperative" }, 2],
];

// Commoner suffixes first; built once since every person's address draws from it.
const SUFFIX_WEIGHTS = weightTable(STREET_SUFFIXES.map((s, i) => [s, 10 - i] as const));

/** A street address in one of a metro's towns. */
export function randomAddress(rng: Rng, metro: Metro, town = rng.pick(metro.places)): Address {
  return {
    line1: `${rng.int(1, 9899)} ${rng.pick(STREETS)} ${rng.draw(SUFFIX_WEIGHTS)}`,
    line2: null,
    city: town.city,
    state: metro.state,
    postal_code: town.zip3 + String(rng.int(1, 98)).padStart(2, "0"),
    country: "US",
  };
}

/** 6–12 departments: Executive, then a weighted draw of top-level departments, each sometimes with sub-departments. */
function pickDepartments(rng: Rng, size: number): DepartmentSpec[] {
  const count = size < 10 ? rng.int(6, 8) : size < 200 ? rng.int(7, 10) : rng.int(9, 12);
  // Efraimidis–Spirakis keys: a weighted shuffle in one pass; common departments tend to come first.
  const tops = DEPARTMENTS.filter((d) => d.parent === null)
    .map((d) => ({ d, key: rng.next() ** (1 / (Math.sqrt(d.weight) + 1)) }))
    .sort((a, b) => b.key - a.key)
    .map((x) => x.d);
  const chosen = new Set<DepartmentSpec>([EXECUTIVE]);
  for (const top of tops) {
    if (chosen.size >= count) break;
    chosen.add(top);
    for (const sub of DEPARTMENTS.filter((d) => d.parent === top.name)) {
      if (chosen.size < count && rng.chance(0.45)) chosen.add(sub);
    }
  }
  return [EXECUTIVE, ...DEPARTMENTS.filter((d) => chosen.has(d))];
}

/** Offices in distinct metros: one for small companies, up to four for large ones. */
function pickSites(rng: Rng, size: number, hasWarehouse: boolean): Site[] {
  const count = size < 50 ? (rng.chance(0.15) ? 2 : 1) : size < 500 ? rng.int(1, 3) : rng.int(2, 4);
  const metros: Metro[] = [];
  while (metros.length < Math.min(count, size)) {
    const metro = rng.weighted(METROS.map((m) => [m, m.weight] as const));
    if (!metros.includes(metro)) metros.push(metro);
  }
  return metros.map((metro, i) => {
    const town = rng.chance(0.75) ? metro.places[0]! : rng.pick(metro.places);
    const address = randomAddress(rng, metro, town);
    address.line2 = rng.chance(0.7) ? `Suite ${rng.int(1, 30) * 100 + rng.int(0, 20)}` : null;
    const kind = i === 0 ? "Headquarters" : hasWarehouse && rng.chance(0.5) ? `${town.city} Distribution Center` : `${town.city} Office`;
    return { metro, location: { ...address, name: kind, source_id: `LOC-${String(i + 1).padStart(2, "0")}` } };
  });
}

/** One or two bank accounts; payroll often runs from its own checking account. */
function pickAccounts(rng: Rng): NonNullable<Company["accounts"]> {
  const bank = rng.pick(BANKS);
  const accounts: NonNullable<Company["accounts"]> = [
    {
      routing_number: randomRoutingNumber(rng),
      account_name: "Operating Account",
      institution_name: bank,
      account_type: "checking",
      account_number: randomAccountNumber(rng),
    },
  ];
  if (rng.chance(0.45)) {
    const payroll = rng.chance(0.7);
    accounts.push({
      routing_number: randomRoutingNumber(rng),
      account_name: payroll ? "Payroll Account" : "Reserve Account",
      institution_name: rng.chance(0.7) ? bank : rng.pick(BANKS),
      account_type: payroll ? "checking" : "savings",
      account_number: randomAccountNumber(rng),
    });
  }
  return accounts;
}

/** Plans the company for a seed's random stream and a headcount. */
export function planCompany(rng: Rng, size: number): CompanyPlan {
  const entityWeights = ENTITIES.map(([e, w]) => [e, size > 1000 && e.subtype === "c_corporation" ? w * 3 : w] as const);
  const { suffix, ...entity } = rng.weighted(entityWeights);
  const first = rng.pick(NAME_FIRST);
  let second = rng.pick(NAME_SECOND);
  while (second === first) second = rng.pick(NAME_SECOND);
  const brand = rng.chance(0.5) ? `${first}${second.toLowerCase()}` : `${first} ${second}`;
  const industry = rng.pick(INDUSTRIES);
  const legalName = entity.type === "llc" ? `${brand} ${industry} ${suffix}` : `${brand} ${industry}${suffix}`;
  const slug = (text: string) => text.toLowerCase().replace(/[^a-z]/g, "");
  const domain = `${slug(brand)}${rng.chance(0.4) ? slug(industry) : ""}.${entity.type === "non_profit" ? "org" : "com"}`;

  const departments = pickDepartments(rng, size);
  const sites = pickSites(
    rng,
    size,
    departments.some((d) => d.name === "Warehouse"),
  );
  const hq = sites[0]!;
  const company: Company = {
    legal_name: legalName,
    entity,
    primary_email: `${rng.pick(["payroll", "hr", "finance", "people", "admin"])}@${domain}`,
    primary_phone_number: randomPhone(rng, rng.pick(hq.metro.areaCodes)),
    departments: departments.map((d) => ({ name: d.name, parent: d.parent === null ? null : { name: d.parent } })),
    ein: randomEin(rng),
    locations: sites.map((s) => s.location),
    accounts: pickAccounts(rng),
  };
  return { company, domain, sites, departments, large: size >= 200 };
}
