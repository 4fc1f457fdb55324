import type { AssistedInstructions } from "../../../contracts/linnet/connect-flow.js";
import type { Config } from "../../config.js";
import type { AssistedProvider } from "../catalog/catalog.js";
import { firstDataDays } from "./sla.js";

/** The invite address for one Connect run: plus-tagged so operators can tell which employer invited them. */
export function inviteEmailFor(config: Pick<Config, "inviteEmail" | "inviteTagging">, sessionId: string): string {
  if (!config.inviteTagging) return config.inviteEmail;
  const [local, domain] = config.inviteEmail.split("@");
  return `${local}+${sessionId.replace(/-/g, "").slice(0, 10)}@${domain}`;
}

/** Fill a provider's admin-access steps with the invite identity. */
export function assistedInstructions(
  provider: AssistedProvider,
  input: { applicationName: string; inviteEmail: string; products: readonly string[]; config: Pick<Config, "sla"> },
): AssistedInstructions {
  const values: Record<string, string> = { invite_email: input.inviteEmail, first_name: input.applicationName, last_name: "Support" };
  const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
  return {
    provider_id: provider.id,
    display_name: provider.display_name,
    method: provider.admin_access.method,
    role: provider.admin_access.role,
    invite_email: input.inviteEmail,
    first_name: input.applicationName,
    last_name: "Support",
    steps: provider.admin_access.steps.map(fill),
    expected_days: firstDataDays(input.products, provider, input.config.sla),
  };
}
