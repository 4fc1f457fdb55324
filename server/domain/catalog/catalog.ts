import { z } from "zod";
import assistedJson from "../../../catalog/assisted-providers.json" with { type: "json" };
import sandboxJson from "../../../catalog/sandbox-providers.json" with { type: "json" };
import { PRODUCTS } from "../../../contracts/finch/products.js";

const ProductList = z.array(z.enum(PRODUCTS)).min(1);
const Category = z.enum(["payroll", "hris", "peo"]);
const Color = z.string().regex(/^#[0-9A-Fa-f]{6}$/);

/** A system connected through assisted access: the employer invites our operations team as an admin. */
const AssistedProviderSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  display_name: z.string().min(1),
  category: Category,
  products: ProductList,
  pay_enabled: z.boolean(),
  primary_color: Color,
  admin_access: z.object({
    method: z.enum(["invite_user", "contact_rep"]),
    role: z.string().min(1),
    steps: z.array(z.string().min(1)).min(3).max(7),
  }),
  /** Whether the system can send scheduled reports to our SFTP inbox, and how the employer sets that up. */
  scheduled_reports: z
    .object({
      /** True only where the vendor documents scheduled delivery to SFTP. */
      sftp: z.boolean(),
      /** Who does the setup on the provider's side, in words. */
      set_up_by: z.string().min(1),
      /** How long and what it costs, when the vendor is known to charge or take time. */
      lead_time: z.string().min(1).nullable(),
      /** Steps; `{{host}}`, `{{port}}`, `{{username}}` and `{{folder}}` are filled in for the page. */
      steps: z.array(z.string().min(1)).min(2).max(7),
    })
    .optional(),
});

/** A simulated system with automated access (credential or API token), serving generated data at once. */
const SandboxProviderSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  display_name: z.string().min(1),
  category: Category,
  products: ProductList,
  primary_color: Color,
  auth_method: z.enum(["credential", "api_token"]),
});

/** An assisted provider entry. */
export type AssistedProvider = z.infer<typeof AssistedProviderSchema>;
/** A sandbox (automated) provider entry. */
export type SandboxProvider = z.infer<typeof SandboxProviderSchema>;

/** A catalog entry with its kind. */
export type CatalogProvider = ({ kind: "assisted" } & AssistedProvider) | ({ kind: "automated" } & SandboxProvider & { pay_enabled: true });

/** The provider catalog, validated once at start. */
export interface Catalog {
  all: readonly CatalogProvider[];
  get(id: string): CatalogProvider | undefined;
}

/** Validate catalog data; throws listing the first bad entry. */
export function buildCatalog(assisted: unknown, sandbox: unknown): Catalog {
  const a = z.array(AssistedProviderSchema).parse(assisted);
  const s = z.array(SandboxProviderSchema).parse(sandbox);
  const all: CatalogProvider[] = [
    ...s.map((p) => ({ ...p, kind: "automated" as const, pay_enabled: true as const })),
    ...a.map((p) => ({ ...p, kind: "assisted" as const })),
  ].sort((x, y) => x.display_name.localeCompare(y.display_name));
  const byId = new Map<string, CatalogProvider>();
  for (const p of all) {
    if (byId.has(p.id)) throw new Error(`Duplicate provider id in catalog: ${p.id}`);
    byId.set(p.id, p);
  }
  return { all, get: (id) => byId.get(id) };
}

/** The catalog shipped in catalog/. */
export const defaultCatalog: Catalog = buildCatalog(assistedJson, sandboxJson);
