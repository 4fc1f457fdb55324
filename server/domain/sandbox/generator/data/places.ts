/**
 * US metro areas the generator puts offices in: each with its state, phone area codes, a cost-of-labour factor and
 * a few nearby towns with their ZIP prefixes, so a person lives a plausible commute from where they work.
 */

/** A town with its three-digit ZIP prefix and, where residents owe one, a city income tax. */
export interface Place {
  /** Town or city name. */
  city: string;
  /** First three digits of its ZIP codes. */
  zip3: string;
  /** City income tax on residents, if any. */
  localTax?: { name: string; rate: number };
}

/** A metro area: its main city first, then nearby towns. */
export interface Metro {
  /** Two-letter state code. */
  state: string;
  /** Area codes in use. */
  areaCodes: readonly string[];
  /** Pay relative to the national median (San Francisco pays more than San Antonio). */
  cost: number;
  /** How often companies are based here, relatively. */
  weight: number;
  /** The main city first. */
  places: readonly Place[];
}

const nyc = { name: "New York City Income Tax", rate: 0.035 };

/** The metros, biggest first. */
export const METROS: readonly Metro[] = [
  {
    state: "NY",
    areaCodes: ["212", "646", "917"],
    cost: 1.18,
    weight: 10,
    places: [
      { city: "New York", zip3: "100", localTax: nyc },
      { city: "Brooklyn", zip3: "112", localTax: nyc },
      { city: "Yonkers", zip3: "107" },
      { city: "White Plains", zip3: "106" },
    ],
  },
  {
    state: "CA",
    areaCodes: ["213", "310", "323"],
    cost: 1.12,
    weight: 8,
    places: [
      { city: "Los Angeles", zip3: "900" },
      { city: "Pasadena", zip3: "911" },
      { city: "Long Beach", zip3: "908" },
      { city: "Burbank", zip3: "915" },
    ],
  },
  {
    state: "IL",
    areaCodes: ["312", "773"],
    cost: 1.03,
    weight: 6,
    places: [
      { city: "Chicago", zip3: "606" },
      { city: "Evanston", zip3: "602" },
      { city: "Naperville", zip3: "605" },
      { city: "Oak Park", zip3: "603" },
    ],
  },
  {
    state: "TX",
    areaCodes: ["713", "832"],
    cost: 0.98,
    weight: 5,
    places: [
      { city: "Houston", zip3: "770" },
      { city: "Sugar Land", zip3: "774" },
      { city: "Pasadena", zip3: "775" },
      { city: "Katy", zip3: "774" },
    ],
  },
  {
    state: "AZ",
    areaCodes: ["602", "480"],
    cost: 0.95,
    weight: 3,
    places: [
      { city: "Phoenix", zip3: "850" },
      { city: "Tempe", zip3: "852" },
      { city: "Scottsdale", zip3: "852" },
      { city: "Mesa", zip3: "852" },
    ],
  },
  {
    state: "PA",
    areaCodes: ["215", "267"],
    cost: 1.0,
    weight: 4,
    places: [
      { city: "Philadelphia", zip3: "191", localTax: { name: "Philadelphia Wage Tax", rate: 0.0375 } },
      { city: "Norristown", zip3: "194" },
      { city: "Media", zip3: "190" },
      { city: "King of Prussia", zip3: "194" },
    ],
  },
  {
    state: "TX",
    areaCodes: ["210"],
    cost: 0.92,
    weight: 2,
    places: [
      { city: "San Antonio", zip3: "782" },
      { city: "New Braunfels", zip3: "781" },
      { city: "Boerne", zip3: "780" },
    ],
  },
  {
    state: "CA",
    areaCodes: ["619", "858"],
    cost: 1.08,
    weight: 3,
    places: [
      { city: "San Diego", zip3: "921" },
      { city: "Chula Vista", zip3: "919" },
      { city: "Escondido", zip3: "920" },
      { city: "Carlsbad", zip3: "920" },
    ],
  },
  {
    state: "TX",
    areaCodes: ["214", "469", "972"],
    cost: 1.0,
    weight: 5,
    places: [
      { city: "Dallas", zip3: "752" },
      { city: "Plano", zip3: "750" },
      { city: "Irving", zip3: "750" },
      { city: "Richardson", zip3: "750" },
    ],
  },
  {
    state: "CA",
    areaCodes: ["408", "669"],
    cost: 1.25,
    weight: 4,
    places: [
      { city: "San Jose", zip3: "951" },
      { city: "Santa Clara", zip3: "950" },
      { city: "Sunnyvale", zip3: "940" },
      { city: "Campbell", zip3: "950" },
    ],
  },
  {
    state: "TX",
    areaCodes: ["512", "737"],
    cost: 1.04,
    weight: 5,
    places: [
      { city: "Austin", zip3: "787" },
      { city: "Round Rock", zip3: "786" },
      { city: "Cedar Park", zip3: "786" },
      { city: "Pflugerville", zip3: "786" },
    ],
  },
  {
    state: "FL",
    areaCodes: ["904"],
    cost: 0.93,
    weight: 2,
    places: [
      { city: "Jacksonville", zip3: "322" },
      { city: "Orange Park", zip3: "320" },
      { city: "Jacksonville Beach", zip3: "322" },
    ],
  },
  {
    state: "OH",
    areaCodes: ["614"],
    cost: 0.94,
    weight: 2,
    places: [
      { city: "Columbus", zip3: "432", localTax: { name: "Columbus City Income Tax", rate: 0.025 } },
      { city: "Dublin", zip3: "430" },
      { city: "Westerville", zip3: "430" },
    ],
  },
  {
    state: "NC",
    areaCodes: ["704", "980"],
    cost: 0.96,
    weight: 3,
    places: [
      { city: "Charlotte", zip3: "282" },
      { city: "Matthews", zip3: "281" },
      { city: "Concord", zip3: "280" },
      { city: "Huntersville", zip3: "280" },
    ],
  },
  {
    state: "IN",
    areaCodes: ["317"],
    cost: 0.92,
    weight: 2,
    places: [
      { city: "Indianapolis", zip3: "462" },
      { city: "Carmel", zip3: "460" },
      { city: "Fishers", zip3: "460" },
      { city: "Greenwood", zip3: "461" },
    ],
  },
  {
    state: "CA",
    areaCodes: ["415", "628"],
    cost: 1.28,
    weight: 7,
    places: [
      { city: "San Francisco", zip3: "941" },
      { city: "Oakland", zip3: "946" },
      { city: "Daly City", zip3: "940" },
      { city: "San Mateo", zip3: "944" },
    ],
  },
  {
    state: "WA",
    areaCodes: ["206", "425"],
    cost: 1.17,
    weight: 5,
    places: [
      { city: "Seattle", zip3: "981" },
      { city: "Bellevue", zip3: "980" },
      { city: "Redmond", zip3: "980" },
      { city: "Kirkland", zip3: "980" },
    ],
  },
  {
    state: "CO",
    areaCodes: ["303", "720"],
    cost: 1.03,
    weight: 4,
    places: [
      { city: "Denver", zip3: "802" },
      { city: "Aurora", zip3: "800" },
      { city: "Lakewood", zip3: "802" },
      { city: "Englewood", zip3: "801" },
    ],
  },
  {
    state: "MA",
    areaCodes: ["617", "857"],
    cost: 1.15,
    weight: 5,
    places: [
      { city: "Boston", zip3: "021" },
      { city: "Cambridge", zip3: "021" },
      { city: "Somerville", zip3: "021" },
      { city: "Quincy", zip3: "021" },
    ],
  },
  {
    state: "TN",
    areaCodes: ["615"],
    cost: 0.95,
    weight: 3,
    places: [
      { city: "Nashville", zip3: "372" },
      { city: "Franklin", zip3: "370" },
      { city: "Brentwood", zip3: "370" },
      { city: "Murfreesboro", zip3: "371" },
    ],
  },
  {
    state: "OR",
    areaCodes: ["503", "971"],
    cost: 1.02,
    weight: 2,
    places: [
      { city: "Portland", zip3: "972" },
      { city: "Beaverton", zip3: "970" },
      { city: "Hillsboro", zip3: "971" },
      { city: "Lake Oswego", zip3: "970" },
    ],
  },
  {
    state: "NV",
    areaCodes: ["702", "725"],
    cost: 0.95,
    weight: 2,
    places: [
      { city: "Las Vegas", zip3: "891" },
      { city: "Henderson", zip3: "890" },
      { city: "North Las Vegas", zip3: "890" },
    ],
  },
  {
    state: "GA",
    areaCodes: ["404", "678", "470"],
    cost: 0.99,
    weight: 4,
    places: [
      { city: "Atlanta", zip3: "303" },
      { city: "Marietta", zip3: "300" },
      { city: "Decatur", zip3: "300" },
      { city: "Alpharetta", zip3: "300" },
    ],
  },
  {
    state: "FL",
    areaCodes: ["305", "786"],
    cost: 1.0,
    weight: 4,
    places: [
      { city: "Miami", zip3: "331" },
      { city: "Coral Gables", zip3: "331" },
      { city: "Hialeah", zip3: "330" },
      { city: "Miami Beach", zip3: "331" },
    ],
  },
  {
    state: "MN",
    areaCodes: ["612", "651"],
    cost: 1.0,
    weight: 3,
    places: [
      { city: "Minneapolis", zip3: "554" },
      { city: "Saint Paul", zip3: "551" },
      { city: "Bloomington", zip3: "554" },
      { city: "Edina", zip3: "554" },
    ],
  },
  {
    state: "MI",
    areaCodes: ["313", "248"],
    cost: 0.95,
    weight: 2,
    places: [
      { city: "Detroit", zip3: "482", localTax: { name: "Detroit City Income Tax", rate: 0.024 } },
      { city: "Dearborn", zip3: "481" },
      { city: "Troy", zip3: "480" },
      { city: "Southfield", zip3: "480" },
    ],
  },
  {
    state: "UT",
    areaCodes: ["801", "385"],
    cost: 0.97,
    weight: 2,
    places: [
      { city: "Salt Lake City", zip3: "841" },
      { city: "Sandy", zip3: "840" },
      { city: "Provo", zip3: "846" },
      { city: "Ogden", zip3: "844" },
    ],
  },
  {
    state: "NC",
    areaCodes: ["919", "984"],
    cost: 0.98,
    weight: 3,
    places: [
      { city: "Raleigh", zip3: "276" },
      { city: "Cary", zip3: "275" },
      { city: "Durham", zip3: "277" },
    ],
  },
];

/** State income tax withholding as an effective rate range (low earners → high earners); states without one are absent. */
export const STATE_INCOME_TAX: Readonly<Record<string, { name: string; low: number; high: number }>> = {
  NY: { name: "New York", low: 0.04, high: 0.0625 },
  CA: { name: "California", low: 0.02, high: 0.08 },
  IL: { name: "Illinois", low: 0.0495, high: 0.0495 },
  AZ: { name: "Arizona", low: 0.025, high: 0.025 },
  PA: { name: "Pennsylvania", low: 0.0307, high: 0.0307 },
  OH: { name: "Ohio", low: 0.0125, high: 0.035 },
  NC: { name: "North Carolina", low: 0.0425, high: 0.0425 },
  IN: { name: "Indiana", low: 0.0305, high: 0.0305 },
  CO: { name: "Colorado", low: 0.044, high: 0.044 },
  MA: { name: "Massachusetts", low: 0.05, high: 0.05 },
  OR: { name: "Oregon", low: 0.0475, high: 0.0875 },
  GA: { name: "Georgia", low: 0.0539, high: 0.0539 },
  MN: { name: "Minnesota", low: 0.0535, high: 0.0785 },
  MI: { name: "Michigan", low: 0.0425, high: 0.0425 },
  UT: { name: "Utah", low: 0.0455, high: 0.0455 },
};

/** Street names for addresses. */
export const STREETS: readonly string[] = (
  "Main Oak Maple Cedar Pine Elm Washington Lake Hill Park Sunset Lincoln Jefferson Madison Franklin Highland Ridge " +
  "Meadow Forest River Spring Walnut Chestnut Willow Birch Church Mill Center Market Broad Union Prospect Grove Valley " +
  "Summit Harbor College Adams Jackson Monroe Lafayette Hickory Poplar Magnolia Dogwood Laurel Sycamore Cherry Orchard " +
  "Fairview Greenwood Riverside Lakeview Woodland Kingston Cambridge Hamilton Clinton Garfield Evergreen Peachtree"
).split(" ");

/** Street suffixes, commonest first. */
export const STREET_SUFFIXES: readonly string[] = ["St", "Ave", "Rd", "Dr", "Ln", "Blvd", "Way", "Ct", "Pl", "Ter"];
