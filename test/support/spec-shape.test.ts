import { describe, expect, it } from "vitest";
import { checkShape, SPEC_OPERATIONS, shapeFor } from "./spec-shape.js";

/** The checker behind the spec-shape tests fails on what it must: it is the test of a test. */
const op = (id: string) => SPEC_OPERATIONS.find((o) => o.id === id)!;
const company = {
  id: "514aa2b7-898f-4ce7-bc05-c2fe993713e8",
  legal_name: "Acme, Inc.",
  entity: { type: "corporation", subtype: "s_corporation" },
  ein: "12-3456789",
  primary_email: "founders@acme.com",
  primary_phone_number: "+14475678901",
  departments: [{ name: "Engineering", parent: null }],
  locations: [{ line1: "628 Bear Ave", line2: null, city: "Schenectady", state: "NY", postal_code: "94301", country: "US" }],
  accounts: [
    {
      routing_number: "123456789",
      account_name: "CHECKING",
      institution_name: "BoA",
      account_type: "checking",
      account_number: "98765432",
    },
  ],
};

describe("checkShape", () => {
  it("the fixture holds all 55 operations of the spec", () => {
    expect(SPEC_OPERATIONS).toHaveLength(55);
    expect(new Set(SPEC_OPERATIONS.map((o) => o.id)).size).toBe(55);
  });

  it("accepts the spec's own example and names each problem by JSON path", () => {
    const shape = shapeFor(op("get-company"), 200);
    if (shape === "undeclared") throw new Error("200 is declared");
    expect(checkShape(shape, company)).toEqual([]);
    const { ein: _dropped, ...missing } = company;
    expect(checkShape(shape, missing)).toEqual(["$.ein: required by the spec, missing"]);
    expect(checkShape(shape, { ...company, legal_name: 7 })).toEqual(["$.legal_name: number, expected string"]);
    expect(checkShape(shape, { ...company, entity: { type: "guild", subtype: null } })).toEqual([
      expect.stringMatching(/^\$\.entity\.type: "guild" is not one of/),
    ]);
    const { city: _city, ...noCity } = company.locations[0]!;
    expect(checkShape(shape, { ...company, locations: [noCity] })).toEqual(["$.locations[0].city: required by the spec, missing"]);
    expect(checkShape(shape, { ...company, id: "nope" })).toEqual(['$.id: "nope" is not a uuid']);
  });

  it("null only where the spec says nullable; anyOf takes any branch", () => {
    const accepted = shapeFor(op("get-company"), 202);
    if (accepted === "undeclared") throw new Error("202 is declared");
    expect(checkShape(accepted, { code: 202, name: "sync_in_progress", finch_code: "data_sync_in_progress", message: "m" })).toEqual([]);
    expect(checkShape(accepted, { code: 202, name: null, finch_code: "pending", message: "m" })).toEqual([
      "$.name: null, but the spec does not make it nullable",
    ]);
    const introspect = shapeFor(op("get-introspect"), 200);
    if (introspect === "undeclared") throw new Error("200 is declared");
    expect(checkShape(introspect, {}).length).toBeGreaterThan(3);
  });

  it("a status the operation does not declare: 4xx against the generic Error, others undeclared", () => {
    expect(shapeFor(op("get-company"), 401)).toEqual({ ref: "Error" });
    expect(shapeFor(op("get-company"), 201)).toBe("undeclared");
    const error = shapeFor(op("get-company"), 404);
    if (error === "undeclared") throw new Error("4xx falls back");
    expect(checkShape(error, { code: 404, name: "not_found_error", message: "x" })).toEqual([
      "$.finch_code: required by the spec, missing",
    ]);
  });
});
