import type { LiveCaseChange } from '@app/contracts';
import { Controller, Inject, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { filter, interval, map, merge, takeUntil, type Observable } from 'rxjs';
import { Authorize, Caller, CallerCredential } from '../access/access.decorators';
import { AccessTokenVerifier } from '../access/access-token-verifier';
import type { Credential } from '../access/authorize.guard';
import { caseScopeOf } from '../access/case-scope';
import type { Principal } from '../access/principal';
import { staffLanguageOf } from '../access/staff-language';
import { isMessageInScope, messageScopeOf } from '../notifications/message-scope';
import { viewIn } from '../notifications/staff-message';
import { isInScope } from './case-change';
import { credentialEnd } from './credential-watch';
import { DatabaseNotices } from './database-notices';
import { StaffMessageFeed } from './staff-message-feed';

/** Keeps proxies from closing an idle stream and lets a client notice a dead one; the credential is checked as often. */
export const LIVE_HEARTBEAT_MS = Symbol('LIVE_HEARTBEAT_MS');

@ApiTags('live')
@Controller('api/v1/live')
export class LiveController {
  constructor(
    private readonly notices: DatabaseNotices,
    private readonly feed: StaffMessageFeed,
    private readonly verifier: AccessTokenVerifier,
    @Inject(LIVE_HEARTBEAT_MS) private readonly heartbeatMs: number,
  ) {}

  @Sse()
  @Authorize('operator', 'supervisor', 'central-reception')
  @ApiOperation({
    summary:
      "Server-sent events: new and changed cases in the caller's scope, and the caller's in-app messages",
    description:
      'Each `case-changed` event carries the case id, tracking number, version (the case ETag), status, level, deadline and the lifecycle event type; never personal data. Each `notification` event is an in-app message for the caller (as `GET /api/v1/notifications` lists it: id, appeal, template, title and body in the language the caller had when the stream opened, `read: false`). `heartbeat` every 20 s. The stream ends when the access token expires, and within a heartbeat of a logout, a disabled account or a change of role or scope: reconnect with a fresh token. After a reconnect, reload the queue and the notifications: missed events are not replayed.',
  })
  @ApiProduces('text/event-stream')
  stream(@Caller() caller: Principal, @CallerCredential() credential: Credential): Observable<MessageEvent> {
    const scope = caseScopeOf(caller);
    const changes = this.notices.caseChanges.pipe(
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
        } satisfies LiveCaseChange,
      })),
    );
    const messageScope = messageScopeOf(caller);
    const language = staffLanguageOf(caller);
    const messages = this.feed.arrivals.pipe(
      filter(({ place }) => isMessageInScope(messageScope, place)),
      map(({ message }): MessageEvent => ({
        type: 'notification',
        id: message.id,
        data: viewIn(language, message, false),
      })),
    );
    const heartbeats = interval(this.heartbeatMs).pipe(
      map((): MessageEvent => ({ type: 'heartbeat', data: {} })),
    );
    const end = credentialEnd(this.verifier, credential, scope, this.heartbeatMs);
    return merge(changes, messages, heartbeats).pipe(takeUntil(end));
  }
}
