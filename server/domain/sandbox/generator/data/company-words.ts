/** Word lists for company names, banks and personal email providers. */

/** First half of a brand ("Blue" in "Blue Harbor Analytics"). */
export const NAME_FIRST: readonly string[] = (
  "Blue Summit Cedar North Bright Iron Silver Pioneer Evergreen Granite Copper Golden Red Maple Oak Pine Clear True " +
  "Bold Swift Prairie Coastal Atlas Beacon Keystone Liberty Meridian Harbor Orchard Willow River Stone Canyon Aspen " +
  "Sterling Cobalt Crimson Emerald Falcon Hawk Lumen Nova Polar Quarry Redwood Sage Tidal Vista Juniper Cascade Anchor"
).split(" ");

/** Second half of a brand ("Harbor" in "Blue Harbor Analytics"). */
export const NAME_SECOND: readonly string[] = (
  "Harbor Ridge Point Stone Field Bay Peak Works Labs Line Path Bridge Gate Forge Crest Rock Brook Wave Mark Way Light " +
  "Grove Haven Leaf Spring Street Yard Hill Trail Shore Mill Wind"
).split(" ");

/** What the company does. */
export const INDUSTRIES: readonly string[] = (
  "Logistics|Health|Software|Analytics|Manufacturing|Foods|Energy|Financial|Systems|Robotics|Consulting|Outfitters|" +
  "Biosciences|Media|Supply|Technologies|Hospitality|Construction|Retail|Insurance Services|Engineering|Learning|" +
  "Home Services|Pharmacy|Security|Freight|Design|Dental Group|Medical Group|Brewing"
).split("|");

/** Banks that hold operating and payroll accounts. */
export const BANKS: readonly string[] = [
  "JPMorgan Chase Bank, N.A.",
  "Bank of America, N.A.",
  "Wells Fargo Bank, N.A.",
  "U.S. Bank National Association",
  "PNC Bank, N.A.",
  "Truist Bank",
  "Citibank, N.A.",
  "Capital One, N.A.",
  "TD Bank, N.A.",
  "Fifth Third Bank, N.A.",
  "KeyBank National Association",
  "Citizens Bank, N.A.",
  "The Huntington National Bank",
  "Regions Bank",
  "Manufacturers and Traders Trust Company",
  "First Citizens Bank",
  "BMO Bank N.A.",
  "Frost Bank",
];

/** Personal email providers, commonest first. */
export const EMAIL_PROVIDERS: readonly (readonly [string, number])[] = [
  ["gmail.com", 55],
  ["yahoo.com", 12],
  ["outlook.com", 10],
  ["icloud.com", 10],
  ["hotmail.com", 8],
  ["aol.com", 3],
  ["proton.me", 2],
];
