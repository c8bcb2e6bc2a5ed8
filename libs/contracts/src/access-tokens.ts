/**
 * The access tokens the console issues (JWTs signed by the keys it publishes at `/.well-known/jwks.json`):
 * what a service that accepts them checks. An external system's token is the credential intake takes for
 * `POST /api/v1/appeals`; its `source` claim is the CloudEvent `source` of what the system submits.
 */
export const AccessTokens = {
  /** `iss` of the console's tokens unless CONSOLE_TOKEN_ISSUER names another (then set it where they are checked). */
  issuer: 'urn:appeal-routing:console',
  /** The JOSE `typ` header of access tokens (RFC 9068), so an ID token or another JWT is never taken for one. */
  type: 'at+jwt',
  audiences: {
    console: 'urn:appeal-routing:console',
    intake: 'urn:appeal-routing:intake',
    /** Where a system manages its webhook subscriptions. */
    notification: 'urn:appeal-routing:notification',
  },
  /** The claim naming the CloudEvent `source` a system's token stands for. */
  sourceClaim: 'source',
} as const;

/** The claims of an external system's access token (OAuth2 client credentials: `sub` is the client id). */
export interface SystemTokenClaims {
  sub: string;
  client_id: string;
  source: string;
}
