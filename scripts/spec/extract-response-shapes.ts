/**
 * Extract from Finch's OpenAPI document what the spec-shape tests need, into a committed fixture, so that Linnet never
 * reads the spec at run time or in tests: every operation (method, path, operationId) and, for each response status it
 * declares, the JSON schema of the body with `required` and `nullable` resolved (allOf merged, `null` in an enum turned
 * into `nullable`, oneOf read as anyOf), descriptions and examples dropped. Run by hand when the spec changes:
 *
 *   node --import tsx scripts/spec/extract-response-shapes.ts /work/shared/finch-openapi.json
 *
 * It writes test/fixtures/finch-response-shapes.json (see test/support/spec-shape.ts for how it is read).
 */
import fs from "node:fs";

/** A schema node of the fixture. */
export interface Shape {
  ref?: string;
  type?: "object" | "array" | "string" | "integer" | "number" | "boolean" | "null";
  nullable?: true;
  enum?: unknown[];
  format?: string;
  properties?: Record<string, Shape>;
  required?: string[];
  /** Schema of properties not listed (`additionalProperties`), when the spec gives one. */
  additional?: Shape;
  items?: Shape;
  anyOf?: Shape[];
}

type Raw = Record<string, unknown>;
const specPath = process.argv[2] ?? "../shared/finch-openapi.json";
const outPath = new URL("../../test/fixtures/finch-response-shapes.json", import.meta.url);
const spec = JSON.parse(fs.readFileSync(specPath, "utf8")) as {
  info: { version: string };
  paths: Record<string, Record<string, Raw>>;
  components: { schemas: Record<string, Raw> };
};
const components = spec.components.schemas;
const refName = (ref: string) => ref.replace("#/components/schemas/", "");
const used = new Set<string>();

/** Follow a `$ref` to its raw schema (for allOf merging). */
function deref(raw: Raw): Raw {
  return typeof raw.$ref === "string" ? deref(components[refName(raw.$ref)]!) : raw;
}

/** Merge the object parts of an allOf into one object schema; null when a part is not an object. */
function mergeAllOf(parts: Raw[]): Raw | null {
  const merged: Raw = { type: "object", properties: {}, required: [] };
  for (const part of parts.map(deref)) {
    const flat = Array.isArray(part.allOf) ? mergeAllOf(part.allOf as Raw[]) : part;
    if (!flat) return null;
    if (flat.type !== undefined && flat.type !== "object") return null;
    if (flat.type === undefined && !flat.properties) continue; // a description-only part
    Object.assign(merged.properties as Raw, flat.properties ?? {});
    (merged.required as string[]).push(...((flat.required as string[] | undefined) ?? []));
    if (flat.additionalProperties !== undefined) merged.additionalProperties = flat.additionalProperties;
    if (flat.nullable) merged.nullable = true;
  }
  return merged;
}

/** The compact shape of a raw schema. */
function shape(raw: Raw): Shape {
  const nullable = raw.nullable === true || (Array.isArray(raw.enum) && raw.enum.includes(null));
  const withNull = (s: Shape): Shape => (nullable ? { ...s, nullable: true } : s);
  if (typeof raw.$ref === "string") {
    const name = refName(raw.$ref);
    if (!used.has(name)) {
      used.add(name);
      shapes[name] = shape(components[name]!);
    }
    return withNull({ ref: name });
  }
  if (Array.isArray(raw.allOf)) {
    const merged = mergeAllOf(raw.allOf as Raw[]);
    if (merged) return withNull(shape(merged));
    return withNull({ anyOf: [] }); // not found in the spec; kept visible if it ever appears
  }
  const alternatives = (raw.anyOf ?? raw.oneOf) as Raw[] | undefined;
  if (alternatives) return withNull({ anyOf: alternatives.map(shape) });
  const out: Shape = {};
  if (typeof raw.type === "string") out.type = raw.type as Shape["type"];
  if (Array.isArray(raw.enum)) out.enum = raw.enum.filter((v) => v !== null);
  if (typeof raw.format === "string" && ["date", "date-time", "uuid"].includes(raw.format)) out.format = raw.format;
  if (raw.properties) {
    out.type = "object";
    out.properties = Object.fromEntries(Object.entries(raw.properties as Record<string, Raw>).map(([k, v]) => [k, shape(v)]));
  }
  if (Array.isArray(raw.required) && raw.required.length > 0) out.required = [...new Set(raw.required as string[])];
  if (raw.additionalProperties && typeof raw.additionalProperties === "object") out.additional = shape(raw.additionalProperties as Raw);
  if (raw.items) out.items = shape(raw.items as Raw);
  return withNull(out);
}

const shapes: Record<string, Shape> = {};
const operations = [];
for (const [path, item] of Object.entries(spec.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (!["get", "post", "put", "delete", "patch"].includes(method)) continue;
    const responses: Record<string, Shape | null> = {};
    for (const [status, response] of Object.entries((op.responses ?? {}) as Record<string, Raw>)) {
      const schema = (response.content as Record<string, { schema?: Raw }> | undefined)?.["application/json"]?.schema;
      responses[status] = schema ? shape(schema) : null; // null: the spec declares the status without a body schema
    }
    operations.push({ id: op.operationId as string, method: method.toUpperCase(), path, responses });
  }
}
const error = shape({ $ref: "#/components/schemas/Error" });
const fixture = {
  about: `Extracted from Finch's OpenAPI document (version ${spec.info.version}) by scripts/spec/extract-response-shapes.ts; do not edit by hand.`,
  operations,
  /** For a status an operation does not declare (401, 404, 429 …): the spec's generic Error. */
  undeclaredError: error,
  shapes: Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => a.localeCompare(b))),
};
// one line per operation and per schema: compact, and a spec change shows as a readable diff
const lines = (entries: string[]) => entries.map((e) => `    ${e}`).join(",\n");
const text = [
  "{",
  `  "about": ${JSON.stringify(fixture.about)},`,
  `  "undeclaredError": ${JSON.stringify(fixture.undeclaredError)},`,
  `  "operations": [\n${lines(fixture.operations.map((o) => JSON.stringify(o)))}\n  ],`,
  `  "shapes": {\n${lines(Object.entries(fixture.shapes).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`))}\n  }`,
  "}",
].join("\n");
JSON.parse(text); // stays valid JSON
fs.writeFileSync(outPath, `${text}\n`);
console.log(
  `${operations.length} operations, ${Object.keys(shapes).length} schemas → ${outPath.pathname} (${fs.statSync(outPath).size} bytes)`,
);
