import type { SecuritySchemeObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { BEARER_SCHEME } from '../access/access.decorators';

/** The console's OpenAPI security schemes: the names `@Authorize` and the token endpoint refer to. */
export const CONSOLE_SECURITY_SCHEMES: Record<string, SecuritySchemeObject> = {
  [BEARER_SCHEME]: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'An access token: staff get one from POST /api/v1/auth/login (or from the OIDC provider when configured), ' +
      'external systems from POST /api/v1/auth/token.',
  },
  clientCredentials: {
    type: 'oauth2',
    description: 'External systems: client id and secret for an access token (RFC 6749 §4.4).',
    flows: { clientCredentials: { tokenUrl: '/api/v1/auth/token', scopes: {} } },
  },
  clientBasic: {
    type: 'http',
    scheme: 'basic',
    description: 'client_secret_basic at the token endpoint: client id and secret as HTTP Basic credentials.',
  },
};
