import fs from "node:fs";

/**
 * Finch's response schemas as extracted into test/fixtures/finch-response-shapes.json (by
 * scripts/spec/extract-response-shapes.ts; the spec itself is never read in tests), and a checker that holds a body
 * against them: a required field must be present, null only where nullable, types, formats and enums as declared.
 */

/** A schema node of the fixture (see the extraction script). */
export interface Shape {
  ref?: string;
  type?: "object" | "array" | "string" | "integer" | "number" | "boolean" | "null";
  nullable?: true;
  enum?: unknown[];
  format?: string;
  properties?: Record<string, Shape>;
  required?: string[];
  additional?: Shape;
  items?: Shape;
  anyOf?: Shape[];
}

/** One spec operation with the body schema of each status it declares (null: declared without a body schema). */
export interface SpecOperation {
  id: string;
  method: string;
  path: string;
  responses: Record<string, Shape | null>;
}

interface Fixture {
  undeclaredError: Shape;
  operations: SpecOperation[];
  shapes: Record<string, Shape>;
}

const fixture = JSON.parse(fs.readFileSync(new URL("../fixtures/finch-response-shapes.json", import.meta.url), "utf8")) as Fixture;

/** Every operation of the spec. */
export const SPEC_OPERATIONS: readonly SpecOperation[] = fixture.operations;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Problems of `value` against `shape`, each as `<json path>: <problem>`. */
export function checkShape(shape: Shape, value: unknown, path = "$"): string[] {
  if (shape.ref) {
    const target = fixture.shapes[shape.ref]!;
    return checkShape(shape.nullable ? { ...target, nullable: true } : target, value, path);
  }
  if (shape.anyOf && !(value === null && shape.nullable)) {
    if (shape.anyOf.length === 0) return [];
    const tries = shape.anyOf.map((s) => checkShape(s, value, path));
    if (tries.some((t) => t.length === 0)) return [];
    return tries.sort((a, b) => a.length - b.length)[0]!; // the closest alternative says what is wrong
  }
  if (value === null) return shape.nullable || shape.type === "null" ? [] : [`${path}: null, but the spec does not make it nullable`];
  const actual = typeOf(value);
  switch (shape.type) {
    case undefined:
      break;
    case "integer":
      if (!Number.isInteger(value)) return [`${path}: ${JSON.stringify(value)} is not an integer`];
      break;
    case "number":
      if (actual !== "number") return [`${path}: ${actual}, expected number`];
      break;
    default:
      if (actual !== shape.type) return [`${path}: ${actual}, expected ${shape.type}`];
  }
  if (shape.enum && !shape.enum.includes(value)) return [`${path}: ${JSON.stringify(value)} is not one of ${shape.enum.join(", ")}`];
  if (typeof value === "string" && shape.format) {
    const ok =
      shape.format === "date"
        ? DATE.test(value)
        : shape.format === "uuid"
          ? UUID.test(value)
          : !Number.isNaN(Date.parse(value)) && value.includes("T");
    if (!ok) return [`${path}: ${JSON.stringify(value).slice(0, 60)} is not a ${shape.format}`];
  }
  const problems: string[] = [];
  if (Array.isArray(value) && shape.items) {
    for (const [i, v] of value.entries()) problems.push(...checkShape(shape.items, v, `${path}[${i}]`));
  }
  if (actual === "object" && (shape.properties || shape.required || shape.additional)) {
    const obj = value as Record<string, unknown>;
    for (const key of shape.required ?? []) if (!(key in obj)) problems.push(`${path}.${key}: required by the spec, missing`);
    for (const [key, v] of Object.entries(obj)) {
      const prop = shape.properties?.[key] ?? shape.additional;
      if (prop) problems.push(...checkShape(prop, v, `${path}.${key}`));
    }
  }
  return problems;
}

/** The schema a response of `op` with `status` must satisfy: the declared one, else the spec's generic Error for 4xx. */
export function shapeFor(op: SpecOperation, status: number): Shape | "undeclared" {
  const declared = op.responses[String(status)];
  if (declared) return declared;
  if (declared === null && status < 400) return {}; // declared without a body schema
  if (status >= 400 && status < 500) return fixture.undeclaredError;
  return "undeclared";
}
