import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { concatMap, filter, share, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import type { MessagePlace } from '../notifications/message-scope';
import type { StaffMessage } from '../notifications/staff-message';
import { StaffMessageRepository } from '../notifications/staff-message.repository';
import { DatabaseNotices } from './database-notices';

export interface ArrivedMessage {
  message: StaffMessage;
  place: MessagePlace;
}

/** Every in-app message that arrives, read once per console instance however many streams are open. */
@Injectable()
export class StaffMessageFeed {
  readonly arrivals: Observable<ArrivedMessage>;

  constructor(
    notices: DatabaseNotices,
    @InjectDataSource() dataSource: DataSource,
    messages: StaffMessageRepository,
  ) {
    this.arrivals = notices.staffMessages.pipe(
      concatMap(async (notice): Promise<ArrivedMessage | undefined> => {
        // Missed while the database is away, like any notice: the list has it (see the stream's description).
        const message = await messages.bySeq(dataSource.manager, notice.seq).catch(() => undefined);
        return message && { message, place: notice };
      }),
      filter((arrived): arrived is ArrivedMessage => arrived !== undefined),
      share(),
    );
  }
}
