import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../access/access.decorators';
import { AuditEntries } from './audit-entries';
import { AuditPage, AuditQuery } from './audit-query.dto';

@ApiTags('admin')
@Controller('api/v1/admin/audit')
@Authorize('admin')
export class AdminAuditController {
  constructor(private readonly entries: AuditEntries) {}

  @Get()
  @ApiOperation({
    summary: 'The audit log, newest first: reads of personal data, actions, logins, admin changes',
  })
  @ApiOkResponse({ type: AuditPage })
  find(@Query() query: AuditQuery): Promise<AuditPage> {
    return this.entries.find(query);
  }
}
