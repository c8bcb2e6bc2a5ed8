import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, Caller } from '../../access/access.decorators';
import { STAFF_ROLES, type StaffPrincipal } from '../../access/principal';
import { OwnSettingsRequest } from '../users/staff-user.dto';
import { OwnAccountView } from './own-account.dto';
import { OwnAccount } from './own-account';

@ApiTags('auth')
@Controller('api/v1/me')
@Authorize(...STAFF_ROLES)
export class OwnAccountController {
  constructor(private readonly account: OwnAccount) {}

  @Get()
  @ApiOperation({ summary: 'The caller: role, organisation or region, and the language of in-app messages' })
  @ApiOkResponse({ type: OwnAccountView })
  read(@Caller() caller: StaffPrincipal): Promise<OwnAccountView> {
    return this.account.read(caller);
  }

  @Patch()
  @ApiOperation({ summary: 'Set the language of your in-app messages (kk, ru or en); audited' })
  @ApiOkResponse({ type: OwnAccountView })
  @ApiConflictResponse({ description: "A user of the OIDC provider: the account is the provider's." })
  update(@Caller() caller: StaffPrincipal, @Body() request: OwnSettingsRequest): Promise<OwnAccountView> {
    return this.account.setLanguage(caller, request.language);
  }
}
