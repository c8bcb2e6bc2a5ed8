import type { JWTPayload } from 'jose';
import { InvalidCredentialsError } from '../../access/access-token-verifier';
import { STAFF_ROLES, type StaffPrincipal, type StaffRole } from '../../access/principal';
import type { OidcConfig } from '../identity-config';

/** A claim by name, or by a dotted path into nested objects (`realm_access.roles`). */
function claimAt(payload: JWTPayload, path: string): unknown {
  if (path in payload) return payload[path];
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      payload,
    );
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The one console role among the claim's values (a provider often lists many roles, most of them not ours). */
function roleOf(value: unknown): StaffRole {
  const values = Array.isArray(value) ? value : [value];
  const roles = [
    ...new Set(values.filter((item): item is StaffRole => STAFF_ROLES.includes(item as StaffRole))),
  ];
  if (roles.length !== 1)
    throw new InvalidCredentialsError(
      roles.length === 0 ? 'the token names no console role' : 'the token names more than one console role',
    );
  return roles[0];
}

/**
 * The member of staff an OIDC provider's access token stands for. An operator without an organisation or a
 * supervisor without a region would see nothing, so such a token is refused instead of half-working.
 */
export function staffPrincipalFromClaims(payload: JWTPayload, claims: OidcConfig['claims']): StaffPrincipal {
  const userId = text(payload.sub);
  if (!userId) throw new InvalidCredentialsError('the token has no subject');
  const role = roleOf(claimAt(payload, claims.role));
  const organizationId = text(claimAt(payload, claims.organization));
  const regionKato = text(claimAt(payload, claims.region));
  if (role === 'operator' && !organizationId)
    throw new InvalidCredentialsError("an operator's token must name the organisation");
  if (role === 'supervisor' && !regionKato)
    throw new InvalidCredentialsError("a supervisor's token must name the region");
  return {
    kind: 'staff',
    userId,
    role,
    ...(role === 'operator' ? { organizationId } : {}),
    ...(role === 'supervisor' ? { regionKato } : {}),
  };
}
