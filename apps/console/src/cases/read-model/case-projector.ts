import type { CloudEvent } from '@app/contracts';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseFiles } from './case-files';
import { CaseFold, PROJECTED_TYPES, type ProjectedEvent } from './case-fold';
import { CitizenKey } from './citizen-key';

export type ProjectionOutcome = 'applied' | 'duplicate' | 'unknown-appeal' | 'not-projected';

const projected: ReadonlySet<string> = new Set(PROJECTED_TYPES);

export function isProjectedEvent(event: CloudEvent): event is ProjectedEvent {
  return projected.has(event.type);
}

/**
 * Applies one lifecycle event to the read model in the caller's transaction: the Kafka consumer for what comes
 * from the topic, the console's actions for their own events (so the operator sees the effect at once), the
 * rebuild for the whole history. Each (source, id) is applied once per case, by case_event's unique key, so the
 * same event arriving from the action and later from the topic counts once.
 */
@Injectable()
export class CaseProjector {
  private readonly log = new Logger(CaseProjector.name);
  private readonly fold: CaseFold;

  constructor(
    private readonly files: CaseFiles,
    citizenKey: CitizenKey,
  ) {
    this.fold = new CaseFold((citizen) => citizenKey.of(citizen));
  }

  async apply(manager: EntityManager, event: CloudEvent): Promise<ProjectionOutcome> {
    if (!isProjectedEvent(event)) return 'not-projected';
    const appealId = event.data.appealId;
    // The row lock orders this event after any other being applied to the case, action or consumer.
    const file = await this.files.lock(manager, appealId);
    if (file && (await this.files.hasEvent(manager, appealId, event.source, event.id))) return 'duplicate';
    const step = this.fold.step(file, event);
    if (!step) {
      // Its registration is not on the topic any more (history trimmed): see docs/console.md.
      this.log.warn({
        msg: 'lifecycle event of an appeal the read model never registered',
        appealId,
        type: event.type,
      });
      return 'unknown-appeal';
    }
    await this.files.save(manager, step);
    return 'applied';
  }
}
