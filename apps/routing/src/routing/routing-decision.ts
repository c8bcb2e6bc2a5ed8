export interface RoutableAppeal {
  regionKato: string;
  category: string;
  kind: string;
}

export interface RuleCandidate {
  id: string;
  katoPrefix: string;
  category: string | null;
  kind: string | null;
  organizationId: string;
}

export type RoutingDecision =
  | { organizationId: string; ruleId: string; isFallback: false }
  | { organizationId: string; ruleId: null; isFallback: true };

function specificity(rule: RuleCandidate): number {
  // A longer place prefix beats category, which beats kind: the place decides whose matter it is.
  return rule.katoPrefix.length * 4 + (rule.category ? 2 : 0) + (rule.kind ? 1 : 0);
}

function matches(rule: RuleCandidate, appeal: RoutableAppeal): boolean {
  return (
    appeal.regionKato.startsWith(rule.katoPrefix) &&
    (rule.category === null || rule.category === appeal.category) &&
    (rule.kind === null || rule.kind === appeal.kind)
  );
}

/** The rules that cover the appeal, the most specific first (ties by rule id, so the order is stable). */
export function matchingRules(appeal: RoutableAppeal, rules: readonly RuleCandidate[]): RuleCandidate[] {
  return rules
    .filter((rule) => matches(rule, appeal))
    .sort((a, b) => specificity(b) - specificity(a) || a.id.localeCompare(b.id));
}

/** Picks the most specific matching rule; with none, the fallback organisation answers. */
export function decideRouting(
  appeal: RoutableAppeal,
  rules: readonly RuleCandidate[],
  fallbackOrganizationId: string,
): RoutingDecision {
  const best = matchingRules(appeal, rules)[0];
  if (!best) return { organizationId: fallbackOrganizationId, ruleId: null, isFallback: true };
  return { organizationId: best.organizationId, ruleId: best.id, isFallback: false };
}
