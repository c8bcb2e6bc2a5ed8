import { LANGUAGES, type Language } from '@app/service-kit';
import type { Principal } from './principal';

/** The languages staff read the console's messages in: Kazakh, Russian, English. */
export const STAFF_LANGUAGES: readonly Language[] = LANGUAGES;

/**
 * The language of a member of staff who never chose one (accounts made before languages were asked, an OIDC
 * provider's users, who have no account here): Russian, which every member of staff of a state body reads.
 * Kazakh is the state language, but a message its reader cannot follow is worse than one in the other
 * official language; everyone can switch with `PATCH /api/v1/me`.
 */
export const DEFAULT_STAFF_LANGUAGE: Language = 'ru';

export function staffLanguageOf(principal: Principal): Language {
  return (principal.kind === 'staff' && principal.language) || DEFAULT_STAFF_LANGUAGE;
}
