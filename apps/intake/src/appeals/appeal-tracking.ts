import { TRACKING_NUMBER_PATTERN } from '@app/contracts';
import { httpError } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Appeal } from './appeal.entity';
import { StatusEntry } from './status-entry.entity';

export interface PublicAppealStatus {
  trackingNumber: string;
  status: string;
  registeredAt: string;
  timeline: Array<{ step: string; at: string; details: Record<string, string> }>;
}

@Injectable()
export class AppealTracking {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The public view: no names, contacts, texts or ids, only the steps and when they happened. */
  async byTrackingNumber(trackingNumber: string): Promise<PublicAppealStatus> {
    const normalized = trackingNumber.trim().toUpperCase();
    const appeal = TRACKING_NUMBER_PATTERN.test(normalized)
      ? await this.dataSource.manager.findOneBy(Appeal, { trackingNumber: normalized })
      : null;
    if (!appeal) throw httpError('appeal-not-found');
    const entries = await this.dataSource.manager.find(StatusEntry, {
      where: { appealId: appeal.id },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
    return {
      trackingNumber: appeal.trackingNumber,
      status: appeal.status,
      registeredAt: appeal.registeredAt.toISOString(),
      timeline: [
        // Registration is the appeal row itself; later steps come from lifecycle events.
        { step: 'registered', at: appeal.registeredAt.toISOString(), details: {} },
        ...entries.map((entry) => ({
          step: entry.step,
          at: entry.occurredAt.toISOString(),
          details: entry.details,
        })),
      ],
    };
  }
}
