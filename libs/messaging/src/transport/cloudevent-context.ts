import type { CloudEvent } from '@app/contracts';
import { BaseRpcContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import type { ConsumedRecord, EventHandlingContext } from '../consumer/reliable-consumer';

/** What an event handler gets besides the payload: the whole event and the transaction to write in. */
export class CloudEventContext extends BaseRpcContext<[CloudEvent, EventHandlingContext]> {
  /** The event as validated against its contract; `T` names the fields the handler relies on. */
  getEvent<T = unknown>(): CloudEvent<T> {
    return this.args[0] as CloudEvent<T>;
  }

  getManager(): EntityManager {
    return this.args[1].manager;
  }

  getRecord(): ConsumedRecord {
    return this.args[1].record;
  }
}
