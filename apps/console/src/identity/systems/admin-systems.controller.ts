import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize, Caller } from '../../access/access.decorators';
import type { Principal } from '../../access/principal';
import { CreateSystemRequest, SystemView, SystemWithSecretView } from './system.dto';
import { SystemCredentials } from './system-credentials';

@ApiTags('admin')
@Controller('api/v1/admin/systems')
@Authorize('admin')
export class AdminSystemsController {
  constructor(private readonly systems: SystemCredentials) {}

  @Post()
  @ApiOperation({ summary: 'Register an external system: its client id and secret (shown this once)' })
  @ApiCreatedResponse({ type: SystemWithSecretView })
  @ApiConflictResponse({ description: 'A live credential already has this source.' })
  create(@Caller() admin: Principal, @Body() request: CreateSystemRequest): Promise<SystemWithSecretView> {
    return this.systems.create(admin, request);
  }

  @Get()
  @ApiOperation({ summary: 'Every system credential, live ones first (never a secret)' })
  @ApiOkResponse({ type: [SystemView] })
  list(): Promise<SystemView[]> {
    return this.systems.list();
  }

  @Post(':clientId/rotate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new secret (shown this once); the old one and its tokens stop working at the console',
  })
  @ApiOkResponse({ type: SystemWithSecretView })
  @ApiNotFoundResponse({ description: 'No live credential has this client id.' })
  rotate(@Caller() admin: Principal, @Param('clientId') clientId: string): Promise<SystemWithSecretView> {
    return this.systems.rotate(admin, clientId);
  }

  @Post(':clientId/revoke')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Revoke: its tokens stop at the console at once, at intake within their lifetime (5 minutes by default)',
  })
  @ApiOkResponse({ type: SystemView })
  @ApiNotFoundResponse({ description: 'No live credential has this client id.' })
  revoke(@Caller() admin: Principal, @Param('clientId') clientId: string): Promise<SystemView> {
    return this.systems.revoke(admin, clientId);
  }
}
