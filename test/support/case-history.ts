import {
  CENTRAL_RECEPTION_ID,
  EventTypes,
  newCloudEvent,
  RefusalCode,
  type ActorData,
  type AttachmentData,
  type EventDataMap,
  type TypedCloudEvent,
} from '@app/contracts';
import { CONSOLE_SOURCE, INTAKE_SOURCE, PORTAL_SOURCE, ROUTING_SOURCE } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { ESCALATION_EVENT_SOURCE } from '../../apps/escalation/src/escalation.definition';
import type { ProjectedEvent, ProjectedType } from '../../apps/console/src/cases/read-model/case-fold';

const OPERATOR: ActorData = { kind: 'staff', id: 'staff-operator-1' };
const SUPERVISOR: ActorData = { kind: 'staff', id: 'staff-supervisor-1' };
const CITIZEN: ActorData = { kind: 'citizen', id: 'citizen-1' };
const CENTRAL: ActorData = { kind: 'staff', id: 'staff-central-1' };

export interface AppealDetails {
  organizationId: string;
  organizationName: string;
  /** The place of the matter. */
  regionKato: string;
  category: string;
  language: 'kk' | 'ru' | 'en';
  subject: string;
  text: string;
  citizen: { fullName: string; email?: string; phone?: string; preferredChannel: 'email' | 'sms' };
  attachments: AttachmentData[];
  source: string;
}

const KAZAKH_APPEAL: AppealDetails = {
  organizationId: 'akimat-almaty',
  organizationName: 'Алматы қаласының әкімдігі',
  regionKato: '751110000',
  category: 'roads.repair',
  language: 'kk',
  subject: 'Жолды жөндеу',
  text: 'Әкімдікке өтініш: ауладағы жолды жөндеу қажет, шұңқырлар көп.',
  citizen: { fullName: 'Әсел Нұрланқызы', email: 'asel@example.kz', preferredChannel: 'email' },
  attachments: [
    {
      name: 'жол-суреті.jpg',
      mediaType: 'image/jpeg',
      sizeBytes: 120_000,
      url: 'https://files.example.kz/a/1',
      sha256: 'a'.repeat(64),
    },
  ],
  source: PORTAL_SOURCE,
};

/**
 * The lifecycle of one appeal as the services publish it, with its own clock: every event is a minute after the
 * one before, so a history is the same whenever it is built (apart from its ids).
 */
export class CaseHistory {
  readonly appealId = randomUUID();
  readonly trackingNumber = `KZ-TEST-${this.appealId.slice(0, 8).toUpperCase()}`;
  readonly details: AppealDetails;
  private clock: number;

  constructor(details: Partial<AppealDetails> = {}, start = new Date('2026-03-02T04:00:00Z')) {
    this.details = { ...KAZAKH_APPEAL, ...details };
    this.clock = start.getTime();
  }

  registered(): ProjectedEvent {
    const at = this.tick();
    const { details } = this;
    return this.event(EventTypes.registered, INTAKE_SOURCE, {
      source: details.source,
      sourceEventId: randomUUID(),
      externalId: `ext-${this.appealId.slice(0, 8)}`,
      kind: 'complaint',
      category: details.category,
      regionKato: details.regionKato,
      language: details.language,
      channel: 'portal',
      registeredAt: at,
      receivedAt: at,
      subject: details.subject,
      text: details.text,
      attachments: details.attachments,
      citizen: details.citizen,
    });
  }

  routed(organizationId = this.details.organizationId, regionKato = '750000000'): ProjectedEvent {
    return this.event(EventTypes.routed, ROUTING_SOURCE, {
      organizationId,
      organizationName: this.details.organizationName,
      regionKato,
      ruleId: 'rule-roads',
      routedAt: this.tick(),
      isFallback: false,
      kind: 'complaint',
      language: this.details.language,
    });
  }

  deadlineAssigned(
    dueAt: string,
    cause: 'routed' | 'transferred' | 'extended' | 'reopened' = 'routed',
    level = 'regional-akimat',
    organizationId = this.details.organizationId,
  ): ProjectedEvent {
    return this.event(EventTypes.deadlineAssigned, ESCALATION_EVENT_SOURCE, {
      organizationId,
      dueAt,
      warnAt: dueAt,
      policy: '15 working days',
      assignedAt: this.tick(),
      level,
      cause,
      registeredOn: '2026-03-02',
    });
  }

  accepted(organizationId = this.details.organizationId): ProjectedEvent {
    return this.event(EventTypes.accepted, CONSOLE_SOURCE, {
      organizationId,
      acceptedBy: OPERATOR,
      acceptedAt: this.tick(),
    });
  }

  transferRequested(organizationId = this.details.organizationId): ProjectedEvent {
    return this.event(EventTypes.transferRequested, CONSOLE_SOURCE, {
      organizationId,
      reason: 'Мәселе басқа органның құзыретінде',
      suggestedOrganizationId: 'akimat-almaty-region',
      requestedBy: OPERATOR,
      requestedAt: this.tick(),
    });
  }

  transferred(
    toOrganizationId: string,
    toRegionKato?: string,
    fromOrganizationId = this.details.organizationId,
    transferCount = 1,
  ): ProjectedEvent {
    return this.event(EventTypes.transferred, ROUTING_SOURCE, {
      fromOrganizationId,
      toOrganizationId,
      toOrganizationName: 'Алматы облысының әкімдігі',
      reason: 'Мәселе басқа органның құзыретінде',
      transferredBy: OPERATOR,
      transferredAt: this.tick(),
      decision: 'suggested',
      ...(toRegionKato !== undefined && { toRegionKato }),
      transferCount,
    });
  }

  deadlineWarning(dueAt: string, organizationId = this.details.organizationId): ProjectedEvent {
    return this.event(EventTypes.deadlineWarning, ESCALATION_EVENT_SOURCE, {
      organizationId,
      dueAt,
      warnedAt: this.tick(),
      level: 'regional-akimat',
      before: '3 working days',
      workingDaysLeft: 3,
    });
  }

  deadlineExtended(dueAt: string): ProjectedEvent {
    return this.event(EventTypes.deadlineExtended, CONSOLE_SOURCE, {
      organizationId: this.details.organizationId,
      dueAt,
      reason: 'Тексеру қосымша уақытты қажет етеді',
      decidedBy: OPERATOR,
      decidedAt: this.tick(),
    });
  }

  /** The refusal of `refused`: by escalation (an extension beyond the limit) unless said otherwise. */
  actionRefused(
    refused: ProjectedEvent,
    code: RefusalCode = RefusalCode.beyondLegalLimit,
    source = ESCALATION_EVENT_SOURCE,
  ): ProjectedEvent {
    return this.event(EventTypes.actionRefused, source, {
      refusedType: refused.type,
      refusedEventId: refused.id,
      code,
      message: `refused: ${code}`,
      refusedAt: this.tick(),
    });
  }

  escalationRequested(): ProjectedEvent {
    return this.event(EventTypes.escalationRequested, CONSOLE_SOURCE, {
      reason: 'Супервайзер шешімі',
      requestedBy: SUPERVISOR,
      requestedAt: this.tick(),
    });
  }

  escalated(
    fromOrganizationId = this.details.organizationId,
    reason: 'overdue' | 'answer-rejected' | 'manual' = 'overdue',
    newDueAt?: string,
  ): ProjectedEvent {
    return this.event(EventTypes.escalated, ESCALATION_EVENT_SOURCE, {
      fromOrganizationId,
      toOrganizationId: CENTRAL_RECEPTION_ID,
      reason,
      escalatedAt: this.tick(),
      fromLevel: 'regional-akimat',
      toLevel: 'central-reception',
      ...(newDueAt !== undefined && { newDueAt }),
    });
  }

  takenUnderControl(): ProjectedEvent {
    return this.event(EventTypes.takenUnderControl, CONSOLE_SOURCE, {
      organizationId: CENTRAL_RECEPTION_ID,
      note: 'Бақылауға алынды',
      takenBy: CENTRAL,
      takenAt: this.tick(),
    });
  }

  responded(organizationId = this.details.organizationId): ProjectedEvent {
    return this.event(EventTypes.responded, CONSOLE_SOURCE, {
      organizationId,
      respondedBy: OPERATOR,
      responseId: `response-${this.appealId.slice(0, 8)}`,
      respondedAt: this.tick(),
    });
  }

  resolved(organizationId = this.details.organizationId): ProjectedEvent {
    return this.event(EventTypes.resolved, CONSOLE_SOURCE, {
      organizationId,
      resolvedBy: CITIZEN,
      resolvedAt: this.tick(),
    });
  }

  reopened(): ProjectedEvent {
    return this.event(EventTypes.reopened, CONSOLE_SOURCE, { reopenedBy: CITIZEN, reopenedAt: this.tick() });
  }

  /** An ISO moment `minutes` after the history's clock now. */
  later(minutes: number): string {
    return new Date(this.clock + minutes * 60_000).toISOString();
  }

  private tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  private event<K extends ProjectedType>(
    type: K,
    source: string,
    data: Omit<EventDataMap[K], 'appealId' | 'trackingNumber'>,
  ): ProjectedEvent {
    const event = newCloudEvent({
      type,
      source,
      subject: this.appealId,
      time: new Date(this.clock),
      data: { appealId: this.appealId, trackingNumber: this.trackingNumber, ...data },
    });
    return event as unknown as TypedCloudEvent<K> as ProjectedEvent;
  }
}
