import { regionalAkimatId } from '@app/contracts';
import type { Language } from '@app/service-kit';
import type { StaffRole } from '../../access/principal';

/**
 * The accounts of the demo installation (`npm start`, CONSOLE_DEMO=1). Their passwords are published in the
 * README on purpose: they exist only where CONSOLE_DEMO=1, which no production configuration sets.
 */
export const DEMO_USERS: ReadonlyArray<{
  username: string;
  password: string;
  role: StaffRole;
  organizationId?: string;
  regionKato?: string;
  /** A mix, so that a newcomer sees one in-app message in each language. */
  language: Language;
}> = [
  {
    username: 'operator.almaty',
    password: 'demo-operator-almaty',
    role: 'operator',
    organizationId: regionalAkimatId('almaty'),
    language: 'kk',
  },
  {
    username: 'supervisor.almaty',
    password: 'demo-supervisor-almaty',
    role: 'supervisor',
    regionKato: '750000000',
    language: 'ru',
  },
  {
    username: 'central.reception',
    password: 'demo-central-reception',
    role: 'central-reception',
    language: 'en',
  },
  { username: 'admin', password: 'demo-admin-password', role: 'admin', language: 'ru' },
];

export const DEMO_SYSTEM = {
  name: 'Demo portal',
  source: 'urn:portal:demo',
  clientId: 'demo-portal',
  clientSecret: 'demo-portal-secret',
} as const;
