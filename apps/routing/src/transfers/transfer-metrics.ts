import { Counter } from 'prom-client';

/** How declined appeals were carried out: a climbing share of triage says the directory or rules are wrong. */
export const transferOutcomes = new Counter({
  name: 'appeals_routing_transfers_total',
  help: 'Transfer requests routing handled, by outcome: the decision (suggested, rule, fallback, transfer-limit, no-candidate) or refused-<code>',
  labelNames: ['outcome'] as const,
});
