import { Controller, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { filter, interval, map, merge, type Observable } from 'rxjs';
import { Authorize, Caller } from '../access/access.decorators';
import { caseScopeOf } from '../access/case-scope';
import type { Principal } from '../access/principal';
import { isInScope } from './case-change';
import { CaseChangeListener } from './case-change-listener';

/** Keeps proxies from closing an idle stream and lets a client notice a dead one. */
const HEARTBEAT_MS = 20_000;

@ApiTags('live')
@Controller('api/v1/live')
export class LiveController {
  constructor(private readonly listener: CaseChangeListener) {}

  @Sse()
  @Authorize('operator', 'supervisor', 'central-reception')
  @ApiOperation({
    summary: "Server-sent events: new and changed cases in the caller's scope",
    description:
      'Each `case-changed` event carries the case id, tracking number, version (the case ETag), status, level, deadline and the lifecycle event type; never personal data. `heartbeat` every 20 s. After a reconnect, reload the queue: missed changes are not replayed.',
  })
  @ApiProduces('text/event-stream')
  stream(@Caller() caller: Principal): Observable<MessageEvent> {
    const scope = caseScopeOf(caller);
    const changes = this.listener.changes.pipe(
      filter((change) => isInScope(scope, change)),
      map((change): MessageEvent => ({
        type: 'case-changed',
        id: `${change.appealId}:${change.version}`,
        data: {
          appealId: change.appealId,
          trackingNumber: change.trackingNumber,
          version: change.version,
          status: change.status,
          level: change.level,
          dueAt: change.dueAt,
          eventType: change.eventType,
        },
      })),
    );
    const heartbeats = interval(HEARTBEAT_MS).pipe(
      map((): MessageEvent => ({ type: 'heartbeat', data: {} })),
    );
    return merge(changes, heartbeats);
  }
}
