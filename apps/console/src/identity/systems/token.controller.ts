import { RateLimited } from '@app/service-kit';
import { Body, Controller, Headers, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBasicAuth,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { SIGN_IN_BUCKET } from '../identity-config';
import { ClientCredentialsRequest, ClientCredentialsResponse } from './system.dto';
import { SystemCredentials } from './system-credentials';

/** `client_secret_basic` (RFC 6749 §2.3.1): form-encoded id and secret, base64 of `id:secret`. */
function basicCredentials(authorization: string | undefined): { id?: string; secret?: string } {
  const match = /^Basic ([A-Za-z0-9+/=]{1,2048})$/i.exec(authorization ?? '');
  if (!match) return {};
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return {};
  const formDecoded = (part: string): string | undefined => {
    try {
      return decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return undefined; // a malformed escape: no credentials, so 401
    }
  };
  return { id: formDecoded(decoded.slice(0, colon)), secret: formDecoded(decoded.slice(colon + 1)) };
}

@ApiTags('auth')
@Controller('api/v1/auth')
export class TokenController {
  constructor(private readonly systems: SystemCredentials) {}

  @Post('token')
  @HttpCode(200)
  @RateLimited(SIGN_IN_BUCKET)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBasicAuth('clientBasic')
  @ApiOperation({
    summary:
      'OAuth2 client credentials: an external system exchanges its client id and secret for an access token',
    description:
      "The token (a JWT, `sub` = client id, `source` = the system's CloudEvent source) works at the console and at " +
      "intake's POST /api/v1/appeals. Revoking the credential stops it at the console at once and at intake when it expires.",
  })
  @ApiOkResponse({
    type: ClientCredentialsResponse,
    headers: { 'Cache-Control': { description: 'no-store' } },
  })
  @ApiUnauthorizedResponse({ description: 'Wrong client id or secret, or a revoked credential.' })
  token(
    @Body() request: ClientCredentialsRequest,
    @Headers('authorization') authorization: string | undefined,
    @Ip() address: string,
  ): Promise<ClientCredentialsResponse> {
    const basic = basicCredentials(authorization);
    return this.systems.exchange(basic.id ?? request.client_id, basic.secret ?? request.client_secret, {
      address,
    });
  }
}
