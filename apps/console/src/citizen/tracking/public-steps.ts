import { EventTypes, type PublicStep } from '@app/contracts';
import type { ProjectedType } from '../../cases/read-model/case-fold';

type Shown = (data: Record<string, unknown>) => { organizationName?: string };

const nothing: Shown = () => ({});
const named =
  (field: string): Shown =>
  (data) => {
    const value = data[field];
    return typeof value === 'string' && value.trim() !== '' ? { organizationName: value } : {};
  };

/**
 * What the citizen's public page may show of each lifecycle event: a whitelist, so that an event type added
 * later shows nothing until someone decides what of it is public (the compiler asks: the record names every
 * type the read model folds). Never who acted (staff and system ids), a reason or note staff typed (it may
 * quote the appeal), the answer (the citizen reads it through the link of the answer message) nor the
 * registration's citizen, subject and text. `null`: the step is not shown at all — requests that may still
 * be refused (a transfer, an extension, an escalation), their refusals, and the internal deadline warning.
 */
const PUBLIC_STEPS: { readonly [K in ProjectedType]: Shown | null } = {
  [EventTypes.registered]: nothing,
  [EventTypes.routed]: named('organizationName'),
  [EventTypes.transferRequested]: null,
  [EventTypes.transferred]: named('toOrganizationName'),
  [EventTypes.deadlineAssigned]: nothing,
  [EventTypes.accepted]: nothing,
  [EventTypes.deadlineWarning]: null,
  [EventTypes.deadlineExtended]: null,
  [EventTypes.escalationRequested]: null,
  [EventTypes.escalated]: nothing,
  [EventTypes.actionRefused]: null,
  [EventTypes.takenUnderControl]: nothing,
  [EventTypes.responded]: nothing,
  [EventTypes.resolved]: nothing,
  [EventTypes.reopened]: nothing,
};

/** `kz.appeals.deadline-assigned.v1` → `deadline-assigned`. */
export function shortNameOf(type: string): string {
  return /^kz\.appeals\.([a-z-]+)\.v\d+$/.exec(type)?.[1] ?? type;
}

/** The event types the public timeline shows, for the query's WHERE clause. */
export const PUBLIC_STEP_TYPES: readonly string[] = Object.entries(PUBLIC_STEPS)
  .filter(([, shown]) => shown !== null)
  .map(([type]) => type);

/** The public step of one timeline entry of the read model, or null when the citizen does not see it. */
export function publicStepOf(entry: {
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}): PublicStep | null {
  const shown = (PUBLIC_STEPS as Partial<Record<string, Shown | null>>)[entry.type];
  if (!shown) return null;
  return { step: shortNameOf(entry.type), at: entry.occurredAt, ...shown(entry.data) };
}
