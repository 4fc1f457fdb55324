import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signatureEntry } from "./signature.js";

describe("webhook signatures", () => {
  it("match Finch's published test vector", () => {
    const body = '{"company_id":"720be419-0293-4d32-a707-32179b0827ab"}';
    expect(signatureEntry("5WbX5kEWLlfzsGNjH64I8lOOqUB6e8FH", "msg_2Lh9KRb0pzN4LePd3XiA4v12Axj", 1676312382, body)).toBe(
      "v1,m7y0TV2C+hlHxU42wCieApTSTaA8/047OAplBqxIV/s=",
    );
  });
  it("generate canonical base64 secrets of 24 bytes", () => {
    const secret = generateWebhookSecret();
    expect(Buffer.from(secret, "base64")).toHaveLength(24);
    expect(Buffer.from(secret, "base64").toString("base64")).toBe(secret);
  });
});
