/** Recipes: the mapping that worked for a connection's census or payroll register, and matching a file to one. */
import { type RecipeRow, recipesOf, saveRecipe } from "../../db/repositories/intake.repository.js";
import type { Deps } from "../deps.js";
import { detectMapping, type Mapping, type ParsedTable, parseUpload } from "../ingestion/index.js";
import { normalizeHeader } from "../ingestion/normalize-header.js";

/** A column that names the employer's company in payroll exports (ADP `Payroll Company Code`, `Company Code`, …). */
const COMPANY_COLUMN = /^(payroll )?(company|co)[ _]?(code|id)$|^fein$|^ein$/i;

/** The company-code column of a table and the distinct values it holds. */
export function companyCodes(table: ParsedTable): { column: string; values: string[] } | null {
  const index = table.headers.findIndex((h) => COMPANY_COLUMN.test(h.trim()));
  if (index < 0) return null;
  const values = new Set<string>();
  for (const row of table.rows) if (row[index]?.trim()) values.add(row[index]!.trim());
  return { column: table.headers[index]!, values: [...values] };
}

/**
 * Keep the mapping an operator just published with as the connection's recipe for that report kind, unless one
 * exists (the first publish makes it; `replace` is an operator's edit).
 */
export async function keepRecipe(
  deps: Pick<Deps, "db" | "clock">,
  connectionId: string,
  input: { group: "org" | "pay"; name: string; mapping: Mapping; table: ParsedTable },
  replace = false,
): Promise<void> {
  const now = deps.clock.now();
  const { templateName: _drop, ...mapping } = input.mapping as Mapping & { templateName?: string };
  await saveRecipe(
    deps.db,
    {
      connectionId,
      group: input.group,
      name: input.name,
      mapping: mapping,
      knownHeaders: input.table.headers,
      identity: companyCodes(input.table),
      createdAt: now,
      updatedAt: now,
    },
    replace,
  );
}

/** Cut title rows above the header line that holds the recipe's columns (ADP puts its header on row 5). */
export function dropTitleRows(bytes: Buffer, mapping: Mapping): Buffer {
  const wanted = Object.values(mapping.columns)
    .filter((c): c is string => typeof c === "string")
    .map(normalizeHeader);
  if (wanted.length === 0) return bytes;
  // latin1 keeps one character per byte, so a line's index is its byte offset
  const text = bytes.subarray(0, 64 * 1024).toString("latin1");
  let offset = 0;
  for (let line = 0; line < 30 && offset < text.length; line++) {
    const end = text.indexOf("\n", offset);
    const cells = new Set(
      text
        .slice(offset, end < 0 ? undefined : end)
        .split(/[,;\t|]/)
        .map((c) => normalizeHeader(c.replace(/^\uFEFF|^ï»¿/, "").replace(/^"|"$/g, ""))),
    );
    const found = wanted.filter((w) => cells.has(w)).length;
    if (found * 2 >= wanted.length) return offset === 0 ? bytes : bytes.subarray(offset);
    if (end < 0) break;
    offset = end + 1;
  }
  return bytes;
}

/** A file matched to one of the connection's recipes, parsed from its header line on. */
export type RecipeMatch = { recipe: RecipeRow; mapping: Mapping; table: ParsedTable };

/**
 * Match a file to a recipe by its header: each recipe finds its own header line, and the recipe whose columns the
 * file covers best wins. `unreadable` carries the parser's reason when no recipe could read the file at all.
 */
export async function matchRecipe(
  deps: Pick<Deps, "db">,
  connectionId: string,
  bytes: Buffer,
  fileName: string,
): Promise<{ match: RecipeMatch | null; recipes: number; unreadable: string | null }> {
  const recipes = await recipesOf(deps.db, connectionId);
  let best: (RecipeMatch & { score: number }) | null = null;
  let unreadable: string | null = null;
  for (const recipe of recipes) {
    const mapping = recipe.mapping;
    const parsed = await parseUpload(dropTitleRows(bytes, mapping), fileName);
    if (!parsed.ok) {
      unreadable = parsed.error.message;
      continue;
    }
    const detected = detectMapping(parsed.value.headers, [{ provider_id: "", group: recipe.group, name: recipe.name, mapping }]);
    if (detected && (!best || detected.score > best.score)) best = { recipe, mapping, table: parsed.value, score: detected.score };
  }
  if (recipes.length === 0) {
    const parsed = await parseUpload(bytes, fileName);
    if (!parsed.ok) unreadable = parsed.error.message;
  }
  return { match: best, recipes: recipes.length, unreadable: best ? null : unreadable };
}

/** Columns of the file that the recipe never saw and that hold a value other than blank or zero. */
export function unknownColumns(table: ParsedTable, knownHeaders: readonly string[]): string[] {
  const known = new Set(knownHeaders.map(normalizeHeader));
  const out: string[] = [];
  table.headers.forEach((h, i) => {
    if (known.has(normalizeHeader(h))) return;
    const hasValue = table.rows.some((r) => {
      const v = (r[i] ?? "").trim();
      return v !== "" && v !== "-" && !/^\$?\(?0+(\.0+)?\)?$/.test(v);
    });
    if (hasValue) out.push(h);
  });
  return out;
}
