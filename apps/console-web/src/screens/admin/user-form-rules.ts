import type {
  CreateStaffUserBody,
  StaffLanguage,
  StaffRole,
  StaffUserView,
  UpdateStaffUserBody,
} from '@app/contracts/console-api/admin';
import { findRegionByKato } from '@app/contracts/kazakhstan/region-list';

export const STAFF_ROLES: readonly StaffRole[] = ['operator', 'supervisor', 'central-reception', 'admin'];
export const STAFF_LANGUAGES: readonly StaffLanguage[] = ['kk', 'ru', 'en'];

/** The console's own rule (staff-account-rules.ts): 3 to 64 Latin letters, digits, `.`, `_`, `-`. */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,62}[A-Za-z0-9]$/;
/**
 * The shortest password any console accepts (CONSOLE_PASSWORD_MIN_LENGTH is at least 8, 12 by default): the
 * form refuses less at once, the API refuses what its own setting does not allow, next to the same field.
 */
export const PASSWORD_FLOOR = 8;
export const PASSWORD_MAX_LENGTH = 256;
export const ORGANIZATION_MAX_LENGTH = 128;

/** What a role is bound to: an operator works for one organisation, a supervisor oversees one region. */
export type Binding = 'organization' | 'region' | null;

export function bindingOf(role: StaffRole | ''): Binding {
  if (role === 'operator') return 'organization';
  if (role === 'supervisor') return 'region';
  return null;
}

export type UserField = 'username' | 'password' | 'role' | 'organizationId' | 'regionKato' | 'language';
/** Each code is a key under `admin:problems.` in every language. */
export type ProblemCode =
  | 'required'
  | 'usernamePattern'
  | 'passwordTooShort'
  | 'passwordTooLong'
  | 'passwordBlank'
  | 'passwordIsUsername'
  | 'organizationTooLong'
  | 'regionUnknown';
export type FormProblems = Partial<Record<UserField, ProblemCode>>;

export interface NewUserDraft {
  username: string;
  password: string;
  role: StaffRole | '';
  organizationId: string;
  regionKato: string;
  language: StaffLanguage;
}

export const EMPTY_NEW_USER: NewUserDraft = {
  username: '',
  password: '',
  role: '',
  organizationId: '',
  regionKato: '',
  language: 'kk',
};

export interface AssignmentDraft {
  role: StaffRole | '';
  organizationId: string;
  regionKato: string;
}

export function passwordProblem(password: string, username: string): ProblemCode | undefined {
  const length = [...password].length;
  if (length === 0) return 'required';
  if (length < PASSWORD_FLOOR) return 'passwordTooShort';
  if (length > PASSWORD_MAX_LENGTH) return 'passwordTooLong';
  if (password.trim() === '') return 'passwordBlank';
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return 'passwordIsUsername';
  return undefined;
}

/** The role and what it needs: an organisation for an operator, a region for a supervisor; nothing else. */
export function assignmentProblems(draft: AssignmentDraft): FormProblems {
  const problems: FormProblems = {};
  if (draft.role === '') problems.role = 'required';
  const binding = bindingOf(draft.role);
  if (binding === 'organization') {
    const organization = draft.organizationId.trim();
    if (organization === '') problems.organizationId = 'required';
    else if (organization.length > ORGANIZATION_MAX_LENGTH) problems.organizationId = 'organizationTooLong';
  }
  if (binding === 'region') {
    if (draft.regionKato === '') problems.regionKato = 'required';
    else if (!findRegionByKato(draft.regionKato)) problems.regionKato = 'regionUnknown';
  }
  return problems;
}

export function newUserProblems(draft: NewUserDraft): FormProblems {
  const problems: FormProblems = {};
  const username = draft.username.trim();
  if (username === '') problems.username = 'required';
  else if (!USERNAME_PATTERN.test(username)) problems.username = 'usernamePattern';
  const password = passwordProblem(draft.password, username);
  if (password) problems.password = password;
  return { ...problems, ...assignmentProblems(draft) };
}

export function hasProblems(problems: FormProblems): boolean {
  return Object.keys(problems).length > 0;
}

/** The POST body: the binding of the chosen role only (the API refuses one a role does not have). */
export function createBody(draft: NewUserDraft): CreateStaffUserBody {
  if (draft.role === '') throw new Error('a role is required');
  const binding = bindingOf(draft.role);
  return {
    username: draft.username.trim(),
    password: draft.password,
    role: draft.role,
    ...(binding === 'organization' && { organizationId: draft.organizationId.trim() }),
    ...(binding === 'region' && { regionKato: draft.regionKato }),
    language: draft.language,
  };
}

export interface EditDraft extends AssignmentDraft {
  language: StaffLanguage;
}

export function editDraftOf(user: StaffUserView): EditDraft {
  return {
    role: user.role,
    organizationId: user.organizationId ?? '',
    regionKato: user.regionKato ?? '',
    language: user.language,
  };
}

/**
 * The PATCH body: only what changed. A new role carries the binding it needs; the binding of the role the
 * account keeps is sent only when it changed. `undefined` when nothing changed.
 */
export function updateBody(user: StaffUserView, draft: EditDraft): UpdateStaffUserBody | undefined {
  if (draft.role === '') throw new Error('a role is required');
  const body: UpdateStaffUserBody = {};
  const roleChanged = draft.role !== user.role;
  if (roleChanged) body.role = draft.role;
  const binding = bindingOf(draft.role);
  const organizationId = draft.organizationId.trim();
  if (binding === 'organization' && (roleChanged || organizationId !== (user.organizationId ?? '')))
    body.organizationId = organizationId;
  if (binding === 'region' && (roleChanged || draft.regionKato !== (user.regionKato ?? '')))
    body.regionKato = draft.regionKato;
  if (draft.language !== user.language) body.language = draft.language;
  return Object.keys(body).length > 0 ? body : undefined;
}
