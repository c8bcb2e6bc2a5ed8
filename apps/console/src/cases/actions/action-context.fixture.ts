import type { EntityManager } from 'typeorm';
import { CaseStatus } from '../case-status';
import type { ActingCase } from './acting-case';
import type { ActionContext } from './case-action';

/** An action's context on a case in work at the Almaty akimat, for the handlers' specs. */
export function actionContext<B>(
  body: B,
  manager: { query: (sql: string, parameters: unknown[]) => Promise<unknown> } = { query: async () => [] },
  facts: Partial<ActingCase> = {},
): ActionContext<B> {
  return {
    manager: manager as unknown as EntityManager,
    facts: {
      appealId: '0b7a4c1e-8a52-4c55-9f3e-0d6f6c2f1a11',
      trackingNumber: 'KZ-2026-7K3M-9Q2X',
      source: 'urn:portal:egov',
      status: CaseStatus.inWork,
      level: 'regional-akimat',
      organizationId: 'akimat-almaty',
      responsibleOrganizationId: 'akimat-almaty',
      scopeRegionKato: '750000000',
      dueAt: new Date('2026-03-31T18:59:59.999Z'),
      originalDueAt: new Date('2026-03-31T18:59:59.999Z'),
      underControlBy: null,
      responseId: null,
      version: 4,
      ...facts,
    },
    caller: { kind: 'staff', userId: 'op-1', role: 'operator', organizationId: 'akimat-almaty' },
    actor: { kind: 'staff', id: 'op-1' },
    body,
    now: new Date('2026-03-10T06:00:00.000Z'),
  };
}
