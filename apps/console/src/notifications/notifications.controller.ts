import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize, Caller } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { NotificationIdPipe } from './notification-id.pipe';
import { NotificationListQuery, NotificationPage, ReadAllAnswer } from './notifications.dto';
import { StaffInbox } from './staff-inbox';

const WHO_SEES =
  "An operator sees its organisation's messages, the central reception those addressed to it, a supervisor those of its region's bodies about its region's cases.";

@ApiTags('notifications')
@Controller('api/v1/notifications')
@Authorize('operator', 'supervisor', 'central-reception')
export class NotificationsController {
  constructor(private readonly inbox: StaffInbox) {}

  @Get()
  @ApiOperation({
    summary: "The caller's in-app messages, newest first, in the caller's language",
    description: `${WHO_SEES} Pages are cut by \`before\` (the previous page's \`nextBefore\`).`,
  })
  @ApiOkResponse({ type: NotificationPage })
  list(@Caller() caller: Principal, @Query() query: NotificationListQuery): Promise<NotificationPage> {
    return this.inbox.list(caller, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every message the caller sees read, for the caller only' })
  @ApiOkResponse({ type: ReadAllAnswer })
  readAll(@Caller() caller: Principal): Promise<ReadAllAnswer> {
    return this.inbox.markAllRead(caller);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one message read, for the caller only (again: no change)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'No message with this id is addressed to the caller.' })
  read(@Caller() caller: Principal, @Param('id', NotificationIdPipe) id: string): Promise<void> {
    return this.inbox.markRead(caller, id);
  }
}
