import { describe, expect, it } from "vitest";
import { BUILTIN_TEMPLATES, detectMapping, REQUIRED_FIELDS } from "./index.js";

const headersOf = (provider: string, group: "org" | "pay") => {
  const template = BUILTIN_TEMPLATES.find((t) => t.provider_id === provider && t.group === group)!;
  return Object.values(template.mapping.columns) as string[];
};

describe("detectMapping", () => {
  it("has the required providers and a register", () => {
    const ids = BUILTIN_TEMPLATES.map((t) => `${t.provider_id}/${t.group}`);
    expect(ids).toEqual(expect.arrayContaining(["adp_workforce_now/org", "paychex_flex/org", "paylocity/org", "adp_workforce_now/pay"]));
    for (const t of BUILTIN_TEMPLATES) {
      expect(t.mapping.group).toBe(t.group);
      for (const field of REQUIRED_FIELDS[t.group]) expect(t.mapping.columns).toHaveProperty(field);
    }
  });
  it.each([
    ["adp_workforce_now", "org"],
    ["paychex_flex", "org"],
    ["paylocity", "org"],
    ["adp_workforce_now", "pay"],
  ] as const)("recognises %s %s exports, whatever the case, spacing and order", (provider, group) => {
    const headers = headersOf(provider, group)
      .map((h, i) => (i % 2 === 0 ? h.toUpperCase() : ` ${h.replaceAll(" ", "")} `))
      .reverse();
    const found = detectMapping(["Extra Column", ...headers], BUILTIN_TEMPLATES);
    expect(found?.template.provider_id).toBe(provider);
    expect(found?.template.group).toBe(group);
    expect(found?.score).toBe(1);
    expect(found?.missing).toEqual([]);
  });
  it("lists the template columns a file lacks", () => {
    const headers = headersOf("paylocity", "org").filter((h) => h !== "Nickname" && h !== "Home Country");
    const found = detectMapping(headers, BUILTIN_TEMPLATES);
    expect(found?.template.provider_id).toBe("paylocity");
    expect(found?.missing).toEqual(["Nickname", "Home Country"]);
    expect(found?.score).toBeLessThan(1);
  });
  it("answers null for an unknown report or one without the required columns", () => {
    expect(detectMapping(["Name", "Amount", "Date"], BUILTIN_TEMPLATES)).toBeNull();
    expect(
      detectMapping(
        headersOf("adp_workforce_now", "org").filter((h) => h !== "Associate ID"),
        BUILTIN_TEMPLATES,
      ),
    ).toBeNull();
  });
});
