import { z } from "zod";

/** Pay statement items and their rules (`/employer/pay-statement-item[/rule[/{rule_id}]]`), field for field. */

/** The four sections of a pay statement an item can come from. */
export const PAY_STATEMENT_ITEM_CATEGORIES = ["earnings", "taxes", "employee_deductions", "employer_contributions"] as const;
/** A pay statement item category. */
export type PayStatementItemCategory = (typeof PAY_STATEMENT_ITEM_CATEGORIES)[number];

/** One distinct item of the connection's pay statements. */
export const PayStatementItemSchema = z
  .object({
    name: z.string(),
    category: z.enum(PAY_STATEMENT_ITEM_CATEGORIES),
    attributes: z.object({
      type: z.string().nullable().optional(),
      pre_tax: z.boolean().nullable().optional(),
      employer: z.boolean().nullable().optional(),
      metadata: z.record(z.string(), z.unknown()).nullable(),
    }),
  })
  .meta({ id: "PayStatementItem" });

/** A rule condition: the item's `field` equals `value`. */
export const RuleConditionSchema = z.object({
  field: z.string().min(1),
  operator: z.literal("equals"),
  value: z.string(),
});
/** A rule condition. */
export type RuleCondition = z.infer<typeof RuleConditionSchema>;

const isoDate = z.iso.date();

/** The body of `POST` and `PUT /employer/pay-statement-item/rule[/{rule_id}]` (every field optional on the wire). */
export const RuleBodySchema = z.object({
  effective_start_date: isoDate.nullable().optional(),
  effective_end_date: isoDate.nullable().optional(),
  conditions: z.array(RuleConditionSchema).optional(),
  attributes: z.object({ metadata: z.record(z.string(), z.unknown()).optional() }).optional(),
  entity_type: z.literal("pay_statement_item").optional(),
});
/** A rule body as sent. */
export type RuleBody = z.infer<typeof RuleBodySchema>;

/** A rule as served. */
export const RuleSchema = z
  .object({
    id: z.string(),
    priority: z.number().int(),
    effective_start_date: z.string().nullable(),
    effective_end_date: z.string().nullable(),
    conditions: z.array(RuleConditionSchema),
    attributes: z.object({ metadata: z.record(z.string(), z.unknown()) }),
    entity_type: z.literal("pay_statement_item"),
    created_at: z.string(),
    updated_at: z.string(),
    deleted_at: z.string().optional(),
  })
  .meta({ id: "PayStatementItemRule" });
/** A rule as served. */
export type Rule = z.infer<typeof RuleSchema>;
