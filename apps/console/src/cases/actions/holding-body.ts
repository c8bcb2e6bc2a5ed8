import type { ActingCase } from './acting-case';

/** The body that holds the case, for events that name it; the state machine never lets a case without one act. */
export function holdingBody(facts: ActingCase): string {
  if (facts.organizationId === null) throw new Error(`case ${facts.appealId} has no holding body`);
  return facts.organizationId;
}
