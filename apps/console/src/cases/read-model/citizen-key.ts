import { Logger } from '@nestjs/common';
import { createHmac } from 'node:crypto';

export const CITIZEN_KEY_VARIABLE = 'CONSOLE_CITIZEN_KEY_SECRET';

/** Only for the demo (CONSOLE_DEMO=1): public, so it protects nothing. */
export const DEV_CITIZEN_KEY_SECRET = 'dev-only-console-citizen-key';

export interface CitizenIdentifiers {
  iin?: string | null;
  email?: string | null;
  phone?: string | null;
}

/**
 * A keyed hash that says "the same citizen" across appeals without another copy of their IIN, e-mail or
 * phone in clear: the read model links repeat appeals by it. Keyed (HMAC), so that a leaked table cannot be
 * matched against a list of IINs by hashing them; the strongest identifier wins (IIN, else e-mail, else phone),
 * each normalised so that `Asel@Example.KZ ` and `asel@example.kz` are one citizen.
 */
export class CitizenKey {
  constructor(private readonly secret: string) {
    if (secret.length < 16) throw new Error('the citizen key secret must be at least 16 characters');
  }

  /**
   * The console refuses to start without the secret, outside the demo: a key everyone can read would let a
   * leaked read model be matched against a list of IINs, the very thing the keyed hash is there to prevent.
   */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): CitizenKey {
    const secret = env[CITIZEN_KEY_VARIABLE]?.trim();
    if (secret) return new CitizenKey(secret);
    if (env.CONSOLE_DEMO?.trim() !== '1')
      throw new Error(
        `${CITIZEN_KEY_VARIABLE} is not set: set a secret of at least 16 characters (e.g. openssl rand -base64 32), or CONSOLE_DEMO=1 for the demo`,
      );
    new Logger('CitizenKey').warn(
      `${CITIZEN_KEY_VARIABLE} is not set: the demo links repeat appeals with a public development key`,
    );
    return new CitizenKey(DEV_CITIZEN_KEY_SECRET);
  }

  of(citizen: CitizenIdentifiers): string | null {
    const identifier = normalisedIdentifier(citizen);
    if (identifier === undefined) return null;
    return createHmac('sha256', this.secret).update(identifier, 'utf8').digest('base64url');
  }
}

function normalisedIdentifier({ iin, email, phone }: CitizenIdentifiers): string | undefined {
  const digitsOfIin = iin?.replace(/\D/g, '');
  if (digitsOfIin && digitsOfIin.length === 12) return `iin:${digitsOfIin}`;
  const address = email?.trim().toLowerCase();
  if (address) return `email:${address}`;
  const digitsOfPhone = phone?.replace(/\D/g, '');
  if (digitsOfPhone) return `phone:+${digitsOfPhone}`;
  return undefined;
}
