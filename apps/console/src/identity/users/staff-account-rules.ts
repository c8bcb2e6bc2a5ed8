import { KZ_REGIONS, type FieldError } from '@app/contracts';
import type { StaffRole } from '../../access/principal';

/** 3 to 64 characters; compared without case (stored in lower case). */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,62}[A-Za-z0-9]$/;
export const USERNAME_RULE =
  'username must be 3 to 64 Latin letters, digits, dots, hyphens or underscores, beginning and ending with a letter or digit';
/** Long enough for a passphrase; a longer one is no stronger and costs the hash more work. */
export const PASSWORD_MAX_LENGTH = 256;

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** Length counted in characters as a person types them (code points), not UTF-16 units. */
export function passwordProblems(password: string, username: string, minLength: number): FieldError[] {
  const length = [...password].length;
  if (length < minLength)
    return [
      {
        field: 'password',
        reason: `password must be at least ${minLength} characters long`,
        code: 'passwordTooShort',
        params: { min: minLength },
      },
    ];
  if (password.trim() === '')
    return [{ field: 'password', reason: 'password must not be only spaces', code: 'isNotBlank' }];
  if (normalizeUsername(password) === normalizeUsername(username))
    return [{ field: 'password', reason: 'password must not be the username', code: 'passwordIsUsername' }];
  return [];
}

/** What a role is bound to: an operator's organisation, a supervisor's region; other roles, nothing. */
export interface StaffAssignment {
  role: StaffRole;
  organizationId: string | null;
  regionKato: string | null;
}

const REGION_CODES = new Set(KZ_REGIONS.map((region) => region.katoCode));

/**
 * The assignment after a change (or at creation, without `current`). A binding kept from before is carried
 * only while the role still needs it; a binding the request gives to a role that has none is refused.
 */
export function decideAssignment(
  requested: { role?: StaffRole; organizationId?: string; regionKato?: string },
  current?: StaffAssignment,
): { ok: true; value: StaffAssignment } | { ok: false; errors: FieldError[] } {
  const role = requested.role ?? current?.role;
  if (!role) return { ok: false, errors: [{ field: 'role', reason: 'role is required', code: 'isDefined' }] };
  const errors: FieldError[] = [];
  const organizationId =
    role === 'operator' ? (requested.organizationId ?? current?.organizationId ?? null) : null;
  const regionKato = role === 'supervisor' ? (requested.regionKato ?? current?.regionKato ?? null) : null;
  if (role === 'operator' && !organizationId)
    errors.push({
      field: 'organizationId',
      reason: 'an operator works for one organisation: organizationId is required',
      code: 'organizationRequired',
    });
  if (role !== 'operator' && requested.organizationId !== undefined)
    errors.push({
      field: 'organizationId',
      reason: 'organizationId is only for operators',
      code: 'onlyForOperators',
    });
  if (role === 'supervisor' && !regionKato)
    errors.push({
      field: 'regionKato',
      reason: 'a supervisor oversees one region: regionKato is required',
      code: 'regionRequired',
    });
  if (role === 'supervisor' && regionKato && !REGION_CODES.has(regionKato))
    errors.push({
      field: 'regionKato',
      reason: 'regionKato must be the КАТО code of a region, e.g. 750000000',
      code: 'katoRegion',
    });
  if (role !== 'supervisor' && requested.regionKato !== undefined)
    errors.push({
      field: 'regionKato',
      reason: 'regionKato is only for supervisors',
      code: 'onlyForSupervisors',
    });
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, value: { role, organizationId, regionKato } };
}
