import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize, Caller } from '../../access/access.decorators';
import type { Principal } from '../../access/principal';
import {
  CreateStaffUserRequest,
  NewPasswordRequest,
  StaffUserListQuery,
  StaffUserPage,
  StaffUserView,
  UpdateStaffUserRequest,
} from './staff-user.dto';
import { StaffAccounts } from './staff-accounts';

@ApiTags('admin')
@Controller('api/v1/admin/users')
@Authorize('admin')
export class AdminUsersController {
  constructor(private readonly accounts: StaffAccounts) {}

  @Post()
  @ApiOperation({ summary: 'Create a staff account with its role (and organisation or region)' })
  @ApiCreatedResponse({ type: StaffUserView })
  @ApiConflictResponse({ description: 'The username is taken (usernames are compared without case).' })
  create(@Caller() admin: Principal, @Body() request: CreateStaffUserRequest): Promise<StaffUserView> {
    return this.accounts.create(admin, request);
  }

  @Get()
  @ApiOperation({ summary: 'Staff accounts by username, paged' })
  @ApiOkResponse({ type: StaffUserPage })
  list(@Query() query: StaffUserListQuery): Promise<StaffUserPage> {
    return this.accounts.list(query);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change role, organisation or region; disable (ends every session) or enable' })
  @ApiOkResponse({ type: StaffUserView })
  @ApiNotFoundResponse({ description: 'No account has this id.' })
  update(
    @Caller() admin: Principal,
    @Param('id') id: string,
    @Body() request: UpdateStaffUserRequest,
  ): Promise<StaffUserView> {
    return this.accounts.update(admin, id, request);
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: "Set a new password; the account's sessions end" })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'No account has this id.' })
  resetPassword(
    @Caller() admin: Principal,
    @Param('id') id: string,
    @Body() request: NewPasswordRequest,
  ): Promise<void> {
    return this.accounts.resetPassword(admin, id, request.password);
  }
}
