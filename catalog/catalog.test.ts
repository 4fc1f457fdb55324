import { describe, expect, it } from "vitest";
import { buildCatalog, defaultCatalog } from "../server/domain/catalog/catalog.js";
import assisted from "./assisted-providers.json" with { type: "json" };

describe("the provider catalog", () => {
  const all = defaultCatalog.all;
  const assistedOnes = all.filter((p) => p.kind === "assisted");

  it("has at least 70 assisted providers, including the big US payroll systems", () => {
    expect(assistedOnes.length).toBeGreaterThanOrEqual(70);
    for (const id of [
      "adp_workforce_now",
      "paychex_flex",
      "paylocity",
      "paycom",
      "paycor",
      "ukg_pro",
      "ceridian_dayforce",
      "isolved",
      "workday",
    ]) {
      expect(defaultCatalog.get(id)?.kind).toBe("assisted");
    }
  });

  it("has sandbox providers for credential and API-token automated connections", () => {
    const automated = all.filter((p) => p.kind === "automated");
    expect(automated.map((p) => (p.kind === "automated" ? p.auth_method : null)).sort()).toEqual(["api_token", "credential", "credential"]);
  });

  it("gives every assisted provider instructions that name the invite address", () => {
    for (const p of assistedOnes) {
      if (p.kind !== "assisted") continue;
      expect(p.admin_access.steps.join(" "), p.id).toContain("{{invite_email}}");
      expect(p.products, p.id).toEqual(expect.arrayContaining(["company", "directory", "individual", "employment"]));
      if (!p.products.includes("payment")) expect(p.pay_enabled, p.id).toBe(false);
    }
  });

  it("says how to schedule reports for the big payroll systems, true to what each vendor offers", () => {
    const reports = (id: string) => {
      const p = defaultCatalog.get(id);
      return p?.kind === "assisted" ? p.scheduled_reports : undefined;
    };
    for (const id of ["adp_workforce_now", "paylocity", "ukg_pro"]) {
      const r = reports(id);
      expect(r?.sftp, id).toBe(true);
      // the employer gives the provider where to send: every SFTP step list names the inbox's details
      for (const field of ["{{host}}", "{{port}}", "{{username}}", "{{folder}}"]) expect(r?.steps.join(" "), id).toContain(field);
    }
    // no public evidence of scheduled SFTP delivery: no inbox offered, and the steps say so
    for (const id of ["paychex_flex", "paycom"]) {
      expect(reports(id)?.sftp, id).toBe(false);
      expect(reports(id)?.steps.join(" "), id).not.toContain("{{host}}");
    }
  });

  it("refuses malformed entries and duplicate ids", () => {
    const [first] = assisted;
    expect(() => buildCatalog([{ ...first, products: ["wages"] }], [])).toThrow();
    expect(() => buildCatalog([first, first], [])).toThrow(/Duplicate/);
  });
});
