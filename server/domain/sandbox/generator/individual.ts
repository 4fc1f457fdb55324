/**
 * A person's identity: names, contact details, demographics, date of birth, SSN and home address. Distributions follow
 * US workforce figures loosely; a few people decline to state gender or ethnicity, as they do in real HR systems.
 */
import type { PersonInput } from "../../../../contracts/linnet/snapshot-input.js";
import { addMonths, type Day, isoDate } from "./calendar.js";
import { randomAddress, type Site } from "./company.js";
import { EMAIL_PROVIDERS } from "./data/company-words.js";
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, NICKNAMES } from "./data/first-names.js";
import { LAST_NAMES } from "./data/last-names.js";
import type { Place } from "./data/places.js";
import { formatSsn, randomPhone, randomSsnNumber } from "./identifiers.js";
import { type Rng, weightTable } from "./random.js";
import type { PersonPlan } from "./roster.js";

type Individual = PersonInput["individual"];

/** What must stay unique across a company: email addresses and SSNs. */
export interface Registry {
  /** Addresses handed out. */
  emails: Set<string>;
  /** SSNs as 9-digit numbers. */
  ssns: Set<number>;
}

/** An individual and the town they live in (for local taxes). */
export interface Identity {
  /** The individual as published. */
  individual: Individual;
  /** Where they live. */
  town: Place;
}

// Roughly the US labour force (BLS, Census); a few people decline to state, as they do in real HR systems.
const GENDERS = weightTable([
  ["female", 47],
  ["male", 47],
  ["other", 1],
  ["decline_to_specify", 5],
] as const);
const ETHNICITIES = weightTable([
  ["white", 52],
  ["hispanic_or_latino", 19],
  ["black_or_african_american", 12],
  ["asian", 7],
  ["two_or_more_races", 4],
  ["american_indian_or_alaska_native", 1],
  ["native_hawaiian_or_pacific_islander", 0.5],
  ["decline_to_specify", 4.5],
] as const);
const AGE_BANDS = weightTable<readonly [number, number]>([
  [[18, 24], 10],
  [[25, 34], 30],
  [[35, 44], 27],
  [[45, 54], 20],
  [[55, 64], 11],
  [[65, 70], 2],
]);
const PROVIDERS = weightTable(EMAIL_PROVIDERS);

type Marital = Individual["marital_status"];
const MARITAL_YOUNG = weightTable<Marital>([
  ["single", 85],
  ["married", 10],
  ["domestic_partner", 3],
  ["unknown", 2],
]);
const MARITAL_MID = weightTable<Marital>([
  ["single", 40],
  ["married", 48],
  ["divorced", 5],
  ["domestic_partner", 5],
  ["unknown", 2],
]);
const MARITAL_OLDER = weightTable<Marital>([
  ["married", 60],
  ["single", 14],
  ["divorced", 15],
  ["widowed", 3],
  ["domestic_partner", 3],
  ["unknown", 3],
]);
const MARITAL_SENIOR = weightTable<Marital>([
  ["married", 58],
  ["single", 12],
  ["divorced", 15],
  ["widowed", 8],
  ["domestic_partner", 3],
  ["unknown", 3],
]);

/** Marital status, which depends a lot on age. */
function maritalStatus(rng: Rng, age: number): Marital {
  return rng.draw(age < 25 ? MARITAL_YOUNG : age < 40 ? MARITAL_MID : age < 60 ? MARITAL_OLDER : MARITAL_SENIOR);
}

/** A unique address: `first.last@domain`, then `first.last2@domain`, … */
function uniqueEmail(registry: Registry, local: string, domain: string): string {
  let candidate = `${local}@${domain}`;
  for (let n = 2; registry.emails.has(candidate); n++) candidate = `${local}${n}@${domain}`;
  registry.emails.add(candidate);
  return candidate;
}

const slugs = new Map<string, string>();
/** `O'Brien` → `obrien`, memoised: a large company asks for the same few hundred names thousands of times. */
function slug(name: string): string {
  let value = slugs.get(name);
  if (value === undefined) {
    value = name.toLowerCase().replace(/[^a-z]/g, "");
    slugs.set(name, value);
  }
  return value;
}

/** Age at today: old enough to have been hired at 18 (interns are students), never over 70. */
function drawAge(rng: Rng, p: PersonPlan, today: Day): number {
  const minimum = 18 + Math.ceil((today - p.startDay) / 365);
  let age: number;
  if (p.kind === "intern") age = rng.int(19, 24);
  else if (p.role === "ceo" || p.role === "head") age = rng.int(32, 64);
  else {
    const [low, high] = rng.draw(AGE_BANDS);
    age = rng.int(low, high);
  }
  return Math.min(70, Math.max(minimum, age));
}

/** Builds one person's identity. */
export function makeIdentity(rng: Rng, p: PersonPlan, site: Site, domain: string, today: Day, registry: Registry): Identity {
  const gender = rng.draw(GENDERS);
  const names =
    gender === "female"
      ? FEMALE_FIRST_NAMES
      : gender === "male"
        ? MALE_FIRST_NAMES
        : rng.chance(0.5)
          ? FEMALE_FIRST_NAMES
          : MALE_FIRST_NAMES;
  const first = rng.pick(names);
  let middle = rng.chance(0.35) ? rng.pick(names) : null;
  if (middle === first) middle = null;
  const last = rng.pick(LAST_NAMES);
  const nicknames = NICKNAMES.get(first);
  const preferred = nicknames && rng.chance(0.35) ? rng.pick(nicknames) : null;

  const age = drawAge(rng, p, today);
  // Birthday 1–364 days before the age-th anniversary of today, so the person is exactly `age` today.
  const dob = addMonths(today, -12 * age) - rng.int(1, 364);

  let ssn = randomSsnNumber(rng);
  while (registry.ssns.has(ssn)) ssn = randomSsnNumber(rng);
  registry.ssns.add(ssn);

  const town = rng.chance(0.45) ? site.metro.places[0]! : rng.pick(site.metro.places);
  const residence = randomAddress(rng, site.metro, town);
  if (rng.chance(0.3)) residence.line2 = `Apt ${rng.int(1, 40)}${rng.pick(["", "A", "B", "C", "D"])}`;

  const emails: NonNullable<Individual["emails"]> = [{ data: uniqueEmail(registry, `${slug(first)}.${slug(last)}`, domain), type: "work" }];
  if (rng.chance(0.6)) {
    const local = rng.chance(0.5)
      ? `${slug(first)}.${slug(last)}${rng.int(1, 99)}`
      : `${slug(first).slice(0, 1)}${slug(last)}${rng.int(1, 999)}`;
    emails.push({ data: uniqueEmail(registry, local, rng.draw(PROVIDERS)), type: "personal" });
  }
  const phones: NonNullable<Individual["phone_numbers"]> = [];
  if (rng.chance(0.9)) phones.push({ data: randomPhone(rng, rng.pick(site.metro.areaCodes)), type: "personal" });
  if (rng.chance(0.25)) phones.push({ data: randomPhone(rng, rng.pick(site.metro.areaCodes)), type: "work" });

  return {
    town,
    individual: {
      first_name: first,
      middle_name: middle,
      last_name: last,
      preferred_name: preferred,
      emails,
      phone_numbers: phones,
      gender,
      ethnicity: rng.draw(ETHNICITIES),
      marital_status: maritalStatus(rng, age),
      dob: isoDate(dob),
      ssn: formatSsn(ssn),
      residence,
    },
  };
}
