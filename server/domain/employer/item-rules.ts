import type { PayStatementItemCategory, RuleCondition } from "../../../contracts/finch/pay-statement-items.js";

/** The item fields a rule condition may test; booleans compare as `"true"` / `"false"`. */
export const RULE_FIELDS = ["name", "category", "type", "pre_tax", "employer"] as const;

/** What a rule sees of a pay statement item. */
export interface ItemFacts {
  name: string;
  category: PayStatementItemCategory;
  type: string | null;
  pre_tax: boolean | null;
  employer: boolean | null;
}

/** A rule as the rules engine needs it. */
export interface ActiveRule {
  priority: number;
  effectiveStartDate: string | null;
  effectiveEndDate: string | null;
  conditions: RuleCondition[];
  metadata: Record<string, unknown>;
}

const factText = (item: ItemFacts, field: string): string | null => {
  const v = (item as unknown as Record<string, unknown>)[field];
  return v === null || v === undefined ? null : String(v);
};

/** True when every condition holds and `date` (a pay date; null = unknown) lies within the rule's effective dates. */
export function ruleMatches(rule: ActiveRule, item: ItemFacts, date: string | null): boolean {
  if (date !== null) {
    if (rule.effectiveStartDate && date < rule.effectiveStartDate) return false;
    if (rule.effectiveEndDate && date > rule.effectiveEndDate) return false;
  } else if (rule.effectiveStartDate || rule.effectiveEndDate) return false;
  return rule.conditions.every((c) => factText(item, c.field) === c.value);
}

/**
 * The item's metadata after the rules: the item's own metadata, then each matching rule's metadata merged over it,
 * lowest priority first, so priority 1 wins a key several rules set. Null when there is nothing at all.
 * `rules` must be sorted by ascending priority.
 */
export function applyItemRules(
  rules: readonly ActiveRule[],
  item: ItemFacts,
  date: string | null,
  own: Record<string, unknown> | null,
): Record<string, unknown> | null {
  let merged = own;
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i]!;
    if (ruleMatches(rule, item, date)) merged = { ...(merged ?? {}), ...rule.metadata };
  }
  return merged;
}
