import { RateLimited } from '@app/service-kit';
import { Body, Controller, Headers, HttpCode, Ip, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { decodeJwt } from 'jose';
import { Authorize, Caller } from '../../access/access.decorators';
import { STAFF_ROLES, type Principal } from '../../access/principal';
import { SIGN_IN_BUCKET } from '../identity-config';
import { RetryAfterInterceptor } from '../login-throttle/retry-after.interceptor';
import { LoginRequest, RefreshRequest, TokenPairResponse } from './auth.dto';
import { StaffSessions, type TokenPair } from './staff-sessions';

/** The session id of an access token the guard has already verified (absent from an OIDC provider's). */
function sessionIdOf(authorization: string): string | undefined {
  const sid = decodeJwt(authorization.replace(/^Bearer /i, '')).sid;
  return typeof sid === 'string' ? sid : undefined;
}

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly sessions: StaffSessions) {}

  @Post('login')
  @HttpCode(200)
  @RateLimited(SIGN_IN_BUCKET)
  @ApiOperation({ summary: 'Log in with username and password: an access token and a refresh token' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password (the same answer for every reason).' })
  @ApiTooManyRequestsResponse({
    description:
      'Too many attempts from this address, or too many failed logins for this username (whether or not it exists); see Retry-After.',
  })
  @UseInterceptors(RetryAfterInterceptor)
  login(@Body() request: LoginRequest, @Ip() address: string): Promise<TokenPair> {
    return this.sessions.login(request.username, request.password, { address });
  }

  @Post('refresh')
  @HttpCode(200)
  @RateLimited(SIGN_IN_BUCKET)
  @ApiOperation({
    summary: 'A new token pair for a refresh token; a refresh token used twice ends its whole session',
  })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiUnauthorizedResponse({ description: 'The refresh token is invalid, expired, spent or revoked.' })
  refresh(@Body() request: RefreshRequest, @Ip() address: string): Promise<TokenPair> {
    return this.sessions.refresh(request.refreshToken, { address });
  }

  @Post('logout')
  @HttpCode(204)
  @Authorize(...STAFF_ROLES)
  @ApiOperation({ summary: 'End this session: its access and refresh tokens stop working at once' })
  @ApiNoContentResponse()
  async logout(@Caller() caller: Principal, @Headers('authorization') authorization: string): Promise<void> {
    if (caller.kind === 'staff') await this.sessions.logout(caller, sessionIdOf(authorization));
  }
}
