import {
  EventTypes,
  findRegionByKato,
  TYPED_LIFECYCLE_EVENT_TYPES,
  type AppealRegisteredData,
  type TypedCloudEvent,
  type LifecycleEventType,
  type TypedEventType,
} from '@app/contracts';
import { CaseStatus } from '../case-status';
import type { CaseAttachment, CaseContact, CaseFile, TimelineEntry } from './case-file';
import type { CitizenIdentifiers } from './citizen-key';

/** The lifecycle types the read model folds: every typed one on appeals.events.v1. */
export type ProjectedType = Extract<Exclude<TypedEventType, typeof EventTypes.submitted>, LifecycleEventType>;
export type ProjectedEvent = { [K in ProjectedType]: TypedCloudEvent<K> }[ProjectedType];

/** Every lifecycle type with a payload contract (`closed` has none yet, and no publisher). */
export const PROJECTED_TYPES: readonly ProjectedType[] = TYPED_LIFECYCLE_EVENT_TYPES;

/** What one event does to a case: its new row, the timeline entry, and on registration its contact and files. */
export interface FoldStep {
  file: CaseFile;
  entry: TimelineEntry;
  contact?: CaseContact;
  attachments?: CaseAttachment[];
}

/** A case with everything the read model holds of it: what the rebuild compares, and what tests fold. */
export interface CaseRecord {
  file: CaseFile;
  contact: CaseContact | null;
  attachments: CaseAttachment[];
  timeline: TimelineEntry[];
}

type Changes = Partial<CaseFile>;

/** Fields of `registered` that are personal data or the citizen's words: kept in their tables, never in the timeline. */
const NOT_IN_TIMELINE = new Set(['appealId', 'trackingNumber', 'citizen', 'subject', 'text', 'attachments']);

/**
 * Folds lifecycle events into a case: plain data in, plain data out, no clock and no database, so that the
 * live projection, the console's own actions and a rebuild from the topic all come to the same row.
 */
export class CaseFold {
  constructor(private readonly citizenKeyOf: (citizen: CitizenIdentifiers) => string | null) {}

  /**
   * The step `event` makes from `file` (undefined: the case is not in the read model yet). Undefined when the
   * event cannot be placed: anything but `registered` for a case never registered (history trimmed).
   */
  step(file: CaseFile | undefined, event: ProjectedEvent): FoldStep | undefined {
    if (event.type === EventTypes.registered && file === undefined) return this.register(event);
    if (file === undefined) return undefined;
    const occurredAt = occurredAtOf(event);
    const next: CaseFile = {
      ...file,
      ...changesOf(file, event),
      version: file.version + 1,
      // The later of the two: an action's own event may be folded before an event that came earlier.
      updatedAt: later(file.updatedAt, iso(event.time ?? occurredAt)),
    };
    return { file: next, entry: timelineEntry(next, event, occurredAt) };
  }

  private register(event: TypedCloudEvent<typeof EventTypes.registered>): FoldStep {
    const data = event.data;
    const registeredAt = iso(data.registeredAt);
    const file: CaseFile = {
      appealId: data.appealId,
      trackingNumber: data.trackingNumber,
      source: data.source,
      sourceEventId: data.sourceEventId,
      externalId: data.externalId,
      kind: data.kind,
      category: data.category,
      regionKato: data.regionKato,
      subject: data.subject ?? '',
      text: data.text ?? '',
      language: data.language,
      channel: data.channel ?? null,
      receivedAt: iso(data.receivedAt ?? data.submittedAt ?? data.registeredAt),
      registeredAt,
      status: CaseStatus.registered,
      responsibleOrganizationId: null,
      scopeRegionKato: regionOf(data.regionKato),
      organizationId: null,
      organizationName: null,
      level: null,
      heldSince: null,
      dueAt: null,
      originalDueAt: null,
      registeredOn: null,
      deadlineCause: null,
      deadlinePolicy: null,
      deadlineAssignedAt: null,
      warnedAt: null,
      escalatedAt: null,
      escalationCount: 0,
      transferCount: 0,
      declinedOrganizationIds: [],
      acceptedBy: null,
      acceptedAt: null,
      respondedAt: null,
      answeredOnTime: null,
      responseId: null,
      resolvedAt: null,
      underControlBy: null,
      underControlAt: null,
      citizenKey: this.citizenKeyOf(data.citizen),
      version: 1,
      updatedAt: iso(event.time ?? registeredAt),
    };
    return {
      file,
      entry: timelineEntry(file, event, registeredAt),
      contact: contactOf(data),
      attachments: (data.attachments ?? []).map((attachment, position) => ({
        appealId: data.appealId,
        position,
        name: attachment.name,
        mediaType: attachment.mediaType,
        sizeBytes: attachment.sizeBytes,
        url: attachment.url,
        sha256: attachment.sha256,
      })),
    };
  }
}

/** The fields an event changes; an event that only informs (a warning, a refusal) changes few or none. */
function changesOf(file: CaseFile, event: ProjectedEvent): Changes {
  switch (event.type) {
    case EventTypes.registered:
      // A second registration of the same appeal (another event id) adds nothing but its timeline entry.
      return {};
    case EventTypes.routed: {
      const { data } = event;
      return {
        ...handedTo(data.organizationId, data.organizationName, data.routedAt),
        responsibleOrganizationId: data.organizationId,
        scopeRegionKato: data.regionKato ? regionOf(data.regionKato) : file.scopeRegionKato,
      };
    }
    case EventTypes.transferRequested:
      // Only a transfer routing carries out (`transferred`) adds the body to the declined ones: a request
      // may still be refused, and the body keeps the case. A request of a body that no longer holds the case
      // (an escalation crossed it on the topic) is refused by routing and escalation alike: timeline only.
      if (!byHolder(file, event.data.organizationId)) return {};
      return { status: CaseStatus.transferPending };
    case EventTypes.transferred: {
      const { data } = event;
      // Escalation does not carry out a transfer from a body that lost the case meanwhile: neither does the case.
      if (!byHolder(file, data.fromOrganizationId)) return {};
      return {
        ...handedTo(data.toOrganizationId, data.toOrganizationName ?? null, data.transferredAt),
        responsibleOrganizationId: data.toOrganizationId,
        scopeRegionKato: data.toRegionKato ? regionOf(data.toRegionKato) : file.scopeRegionKato,
        transferCount: data.transferCount ?? file.transferCount + 1,
        declinedOrganizationIds: withMember(file.declinedOrganizationIds, data.fromOrganizationId),
      };
    }
    case EventTypes.deadlineAssigned: {
      const { data } = event;
      const dueAt = iso(data.dueAt);
      return {
        dueAt,
        // An extension moves the deadline of the level; the original one stays to explain it.
        originalDueAt: data.cause === 'extended' ? (file.originalDueAt ?? file.dueAt) : dueAt,
        level: data.level ?? file.level,
        registeredOn: data.registeredOn ?? file.registeredOn,
        deadlineCause: data.cause ?? null,
        deadlinePolicy: data.policy,
        deadlineAssignedAt: iso(data.assignedAt),
        warnedAt: null,
      };
    }
    case EventTypes.accepted:
      if (!byHolder(file, event.data.organizationId)) return {};
      return {
        status: CaseStatus.inWork,
        acceptedBy: event.data.acceptedBy.id,
        acceptedAt: iso(event.data.acceptedAt),
      };
    case EventTypes.deadlineWarning:
      return { warnedAt: iso(event.data.warnedAt) };
    case EventTypes.escalated: {
      const { data } = event;
      const escalatedAt = iso(data.escalatedAt);
      return {
        ...handedTo(data.toOrganizationId, null, data.escalatedAt),
        level: data.toLevel ?? file.level,
        escalatedAt,
        escalationCount: file.escalationCount + 1,
        ...(data.newDueAt !== undefined && { dueAt: iso(data.newDueAt), originalDueAt: iso(data.newDueAt) }),
      };
    }
    case EventTypes.takenUnderControl:
      return { underControlBy: event.data.takenBy.id, underControlAt: iso(event.data.takenAt) };
    case EventTypes.responded: {
      if (!byHolder(file, event.data.organizationId)) return {};
      const respondedAt = iso(event.data.respondedAt);
      return {
        status: CaseStatus.answered,
        respondedAt,
        responseId: event.data.responseId ?? null,
        answeredOnTime: file.dueAt === null ? null : Date.parse(respondedAt) <= Date.parse(file.dueAt),
      };
    }
    case EventTypes.resolved:
      if (!byHolder(file, event.data.organizationId)) return {};
      return { status: CaseStatus.resolved, resolvedAt: iso(event.data.resolvedAt) };
    case EventTypes.reopened:
      // The citizen rejected the answer: the holder has it again until escalation sends it up.
      return { status: file.acceptedAt ? CaseStatus.inWork : CaseStatus.new, resolvedAt: null };
    case EventTypes.actionRefused:
      return refusalUndoes(file, event.data.refusedType);
    case EventTypes.deadlineExtended:
    case EventTypes.escalationRequested:
      // Requests change nothing until escalation carries them out (deadline-assigned, escalated): the
      // timeline shows the request, and its refusal if one comes.
      return {};
  }
}

/**
 * A body's own step on a case (accepted, responded, resolved) counts only while it holds the case. The
 * console folds its action's event in the action's transaction, while the topic may carry it after an
 * escalation the consumer had not applied yet: the escalation came first, so in either order the case is
 * the new holder's, and the late step stays in the timeline only (escalation ignores it too).
 */
function byHolder(file: CaseFile, organizationId: string): boolean {
  return organizationId === file.organizationId;
}

/**
 * What a refusal takes back. Only a transfer request changed the case (transfer-pending): refused, the holder
 * has the case again, in work if it had accepted it. Other refused requests (an extension, an escalation)
 * never changed it: the timeline shows the request and its refusal.
 */
function refusalUndoes(file: CaseFile, refusedType: string): Changes {
  if (refusedType !== EventTypes.transferRequested || file.status !== CaseStatus.transferPending) return {};
  return { status: file.acceptedAt ? CaseStatus.inWork : CaseStatus.new };
}

/**
 * A body got the case (routing, a transfer, an escalation): it has to take it into work and answer anew. An
 * answer the case had was the previous holder's, rejected or escalated past: no longer the one in force.
 */
function handedTo(organizationId: string, organizationName: string | null, at: string): Changes {
  return {
    status: CaseStatus.new,
    organizationId,
    organizationName,
    heldSince: iso(at),
    acceptedBy: null,
    acceptedAt: null,
    respondedAt: null,
    responseId: null,
    answeredOnTime: null,
    resolvedAt: null,
  };
}

function contactOf(data: AppealRegisteredData): CaseContact {
  return {
    appealId: data.appealId,
    fullName: data.citizen.fullName,
    iin: null,
    email: data.citizen.email ?? null,
    phone: data.citizen.phone ?? null,
    preferredChannel: data.citizen.preferredChannel,
  };
}

function timelineEntry(file: CaseFile, event: ProjectedEvent, occurredAt: string): TimelineEntry {
  const data = Object.fromEntries(
    Object.entries(event.data).filter(([field]) => !NOT_IN_TIMELINE.has(field)),
  );
  return {
    appealId: file.appealId,
    position: file.version,
    eventId: event.id,
    eventSource: event.source,
    type: event.type,
    occurredAt: iso(occurredAt),
    data,
  };
}

/** When the step happened, by the event's own account. */
function occurredAtOf(event: ProjectedEvent): string {
  switch (event.type) {
    case EventTypes.registered:
      return event.data.registeredAt;
    case EventTypes.routed:
      return event.data.routedAt;
    case EventTypes.transferRequested:
    case EventTypes.escalationRequested:
      return event.data.requestedAt;
    case EventTypes.transferred:
      return event.data.transferredAt;
    case EventTypes.deadlineAssigned:
      return event.data.assignedAt;
    case EventTypes.accepted:
      return event.data.acceptedAt;
    case EventTypes.deadlineWarning:
      return event.data.warnedAt;
    case EventTypes.deadlineExtended:
      return event.data.decidedAt;
    case EventTypes.escalated:
      return event.data.escalatedAt;
    case EventTypes.takenUnderControl:
      return event.data.takenAt;
    case EventTypes.actionRefused:
      return event.data.refusedAt;
    case EventTypes.responded:
      return event.data.respondedAt;
    case EventTypes.resolved:
      return event.data.resolvedAt;
    case EventTypes.reopened:
      return event.data.reopenedAt;
  }
}

/** Supervisors oversee a region: any place's КАТО code stands for its region's own code. */
export function regionOf(kato: string): string {
  return findRegionByKato(kato)?.katoCode ?? kato;
}

function withMember(list: readonly string[], member: string): string[] {
  return list.includes(member) ? [...list] : [...list, member];
}

function later(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

function iso(moment: string): string {
  return new Date(moment).toISOString();
}

/**
 * Folds a case's events in order, each (source, id) once, as the projection does with case_event's unique key:
 * the reference the projection is tested against.
 */
export function foldRecord(
  fold: CaseFold,
  record: CaseRecord | undefined,
  event: ProjectedEvent,
): CaseRecord | undefined {
  const seen = record?.timeline.some(
    (entry) => entry.eventSource === event.source && entry.eventId === event.id,
  );
  if (seen) return record;
  const step = fold.step(record?.file, event);
  if (!step) return record;
  return {
    file: step.file,
    contact: step.contact ?? record?.contact ?? null,
    attachments: step.attachments ?? record?.attachments ?? [],
    timeline: [...(record?.timeline ?? []), step.entry],
  };
}
