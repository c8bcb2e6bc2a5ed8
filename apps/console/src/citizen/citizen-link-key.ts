import { MIN_CITIZEN_LINK_KEY_LENGTH } from '@app/contracts';

export const CITIZEN_LINK_KEY_VARIABLE = 'CONSOLE_CITIZEN_LINK_KEY';

/**
 * The key of the citizens' decision links (see `citizenDecisionSecret` in libs/contracts), shared with
 * notification, which writes the links. Unset, the console takes no decision by link (every attempt answers
 * 404, as a wrong secret does): a key of its own would only make secrets that no message ever carried.
 */
export class CitizenLinkKey {
  private constructor(readonly value: string | null) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env): CitizenLinkKey {
    const value = env[CITIZEN_LINK_KEY_VARIABLE]?.trim() ?? '';
    if (value === '') return new CitizenLinkKey(null);
    if (value.length < MIN_CITIZEN_LINK_KEY_LENGTH)
      throw new Error(
        `${CITIZEN_LINK_KEY_VARIABLE} must be at least ${MIN_CITIZEN_LINK_KEY_LENGTH} characters (e.g. openssl rand -base64 32)`,
      );
    return new CitizenLinkKey(value);
  }
}
