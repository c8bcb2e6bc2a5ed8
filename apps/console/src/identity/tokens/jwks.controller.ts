import { RateLimited } from '@app/service-kit';
import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { JSONWebKeySet } from 'jose';
import { SIGNING_KEYS, type SigningKeys } from './signing-keys';

@ApiTags('auth')
@Controller('.well-known')
export class JwksController {
  constructor(@Inject(SIGNING_KEYS) private readonly keys: SigningKeys) {}

  @Get('jwks.json')
  // Fetched by intake and other verifiers, which cache it; public keys only.
  @RateLimited(false)
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: "The public keys that verify the console's access tokens (JWK Set)" })
  @ApiOkResponse({ description: 'A JWK Set: the current key first, then retired ones still accepted.' })
  jwks(): JSONWebKeySet {
    return this.keys.publicKeys;
  }
}
