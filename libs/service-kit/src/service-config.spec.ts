import { DEFAULT_DATABASE_SETTINGS, DEFAULT_DATABASE_URL } from '@app/persistence';
import {
  databaseSettingsFromEnv,
  loadServiceConfig,
  millisecondsFromEnv,
  trustProxyFromEnv,
} from './service-config';
import type { ServiceDefinition } from './service-definition';

const intake: ServiceDefinition = {
  name: 'intake',
  schema: 'intake',
  defaultPort: 3001,
  description: 'test definition',
  entities: [],
  migrations: [],
};

const BROKERS = { KAFKA_BROKERS: '127.0.0.1:9092' };

describe('loadServiceConfig', () => {
  it('uses the defaults when only KAFKA_BROKERS is given', () => {
    expect(loadServiceConfig(intake, { ...BROKERS })).toEqual({
      port: 3001,
      host: '0.0.0.0',
      databaseUrl: DEFAULT_DATABASE_URL,
      kafkaBrokers: ['127.0.0.1:9092'],
      logLevel: 'info',
      database: DEFAULT_DATABASE_SETTINGS,
      trustProxy: false,
    });
  });

  it('reads every setting from the environment', () => {
    const config = loadServiceConfig(intake, {
      KAFKA_BROKERS: ' kafka-1:9092 , kafka-2:9092,',
      DATABASE_URL: 'postgres://app@db.internal:6432/appeals_prod',
      HOST: '127.0.0.1',
      PORT: '8080',
      LOG_LEVEL: 'debug',
      DB_POOL_SIZE: '4',
      TRUST_PROXY: '1',
    });
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'postgres://app@db.internal:6432/appeals_prod',
      kafkaBrokers: ['kafka-1:9092', 'kafka-2:9092'],
      logLevel: 'debug',
      database: { ...DEFAULT_DATABASE_SETTINGS, poolSize: 4 },
      trustProxy: 1,
    });
  });

  it('prefers <SERVICE>_PORT over PORT', () => {
    expect(loadServiceConfig(intake, { ...BROKERS, PORT: '8080', INTAKE_PORT: '9001' }).port).toBe(9001);
    expect(loadServiceConfig(intake, { ...BROKERS, PORT: '8080', ROUTING_PORT: '9002' }).port).toBe(8080);
  });

  it.each(['', ' ', '\t'])('treats INTAKE_PORT=%p as absent and uses PORT', (blank) => {
    expect(loadServiceConfig(intake, { ...BROKERS, INTAKE_PORT: blank, PORT: '8080' }).port).toBe(8080);
  });

  it.each(['', ' '])('treats PORT=%p as absent and uses the default port', (blank) => {
    expect(loadServiceConfig(intake, { ...BROKERS, PORT: blank }).port).toBe(3001);
    expect(loadServiceConfig(intake, { ...BROKERS, INTAKE_PORT: ' ', PORT: blank }).port).toBe(3001);
  });

  it('names PORT when PORT holds the bad value', () => {
    expect(() => loadServiceConfig(intake, { ...BROKERS, PORT: 'abc' })).toThrow(
      'PORT must be a port number, got "abc"',
    );
    expect(() => loadServiceConfig(intake, { ...BROKERS, PORT: 'abc' })).not.toThrow(/INTAKE_PORT/);
    expect(() => loadServiceConfig(intake, { ...BROKERS, INTAKE_PORT: '', PORT: 'abc' })).toThrow(
      /^PORT must be a port number/,
    );
  });

  it('does not read the environment of the process when one is given', () => {
    const saved = process.env.KAFKA_BROKERS;
    process.env.KAFKA_BROKERS = 'from-process:9092';
    try {
      expect(() => loadServiceConfig(intake, {})).toThrow(/KAFKA_BROKERS/);
    } finally {
      if (saved === undefined) delete process.env.KAFKA_BROKERS;
      else process.env.KAFKA_BROKERS = saved;
    }
  });

  it.each(['http', '70000', '-1', '3001.5'])('stops with a clear message for the port %p', (port) => {
    expect(() => loadServiceConfig(intake, { ...BROKERS, INTAKE_PORT: port })).toThrow(
      `INTAKE_PORT must be a port number, got "${port}"`,
    );
  });

  it.each([{}, { KAFKA_BROKERS: '' }, { KAFKA_BROKERS: ' , ' }])(
    'stops with a message naming KAFKA_BROKERS when it is missing (%p)',
    (env) => {
      expect(() => loadServiceConfig(intake, env)).toThrow(/KAFKA_BROKERS is not set/);
    },
  );

  it.each(['verbose', 'INFO', ''])('rejects the log level %p, listing the valid ones', (level) => {
    expect(() => loadServiceConfig(intake, { ...BROKERS, LOG_LEVEL: level })).toThrow(
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });

  it('accepts every pino level', () => {
    for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) {
      expect(loadServiceConfig(intake, { ...BROKERS, LOG_LEVEL: level }).logLevel).toBe(level);
    }
  });

  it('rejects a DATABASE_URL that is not PostgreSQL', () => {
    expect(() => loadServiceConfig(intake, { ...BROKERS, DATABASE_URL: 'mysql://root@db/appeals' })).toThrow(
      /DATABASE_URL must start with postgres:\/\//,
    );
  });
});

describe('millisecondsFromEnv', () => {
  it('gives the fallback when the variable is unset or blank', () => {
    expect(millisecondsFromEnv('TICK_MS', 1000, 10, {})).toBe(1000);
    expect(millisecondsFromEnv('TICK_MS', 1000, 10, { TICK_MS: '  ' })).toBe(1000);
  });

  it('reads a whole number of milliseconds', () => {
    expect(millisecondsFromEnv('TICK_MS', 1000, 10, { TICK_MS: ' 250 ' })).toBe(250);
    expect(millisecondsFromEnv('CACHE_MS', 5000, 0, { CACHE_MS: '0' })).toBe(0);
  });

  it.each(['5s', '1e3', '-1', '2.5', '9'])('names the variable when it holds %p', (value) => {
    expect(() => millisecondsFromEnv('TICK_MS', 1000, 10, { TICK_MS: value })).toThrow(
      `TICK_MS must be a whole number of milliseconds >= 10, got "${value}"`,
    );
  });
});

describe('databaseSettingsFromEnv', () => {
  it('uses bounded defaults: no statement, lock or idle transaction can hold a connection for ever', () => {
    expect(databaseSettingsFromEnv({})).toEqual({
      poolSize: 10,
      connectTimeoutMs: 5000,
      statementTimeoutMs: 15000,
      lockTimeoutMs: 5000,
      idleInTransactionTimeoutMs: 60000,
      keepAliveDelayMs: 10000,
    });
  });

  it('reads each setting from its variable', () => {
    expect(
      databaseSettingsFromEnv({
        DB_POOL_SIZE: '20',
        DB_CONNECT_TIMEOUT_MS: '2000',
        DB_STATEMENT_TIMEOUT_MS: '0',
        DB_LOCK_TIMEOUT_MS: '1000',
        DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '30000',
        DB_KEEPALIVE_DELAY_MS: '5000',
      }),
    ).toEqual({
      poolSize: 20,
      connectTimeoutMs: 2000,
      statementTimeoutMs: 0,
      lockTimeoutMs: 1000,
      idleInTransactionTimeoutMs: 30000,
      keepAliveDelayMs: 5000,
    });
  });

  it.each([
    ['DB_POOL_SIZE', '0', 'DB_POOL_SIZE must be a whole number >= 1, got "0"'],
    ['DB_POOL_SIZE', 'ten', 'DB_POOL_SIZE must be a whole number >= 1, got "ten"'],
    [
      'DB_CONNECT_TIMEOUT_MS',
      '0',
      'DB_CONNECT_TIMEOUT_MS must be a whole number of milliseconds >= 100, got "0"',
    ],
    [
      'DB_STATEMENT_TIMEOUT_MS',
      '15s',
      'DB_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds >= 0, got "15s"',
    ],
    ['DB_LOCK_TIMEOUT_MS', '-1', 'DB_LOCK_TIMEOUT_MS must be a whole number of milliseconds >= 0, got "-1"'],
    [
      'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS',
      '3000000000',
      'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS must be at most 2147483647, got "3000000000"',
    ],
    [
      'DB_KEEPALIVE_DELAY_MS',
      '10',
      'DB_KEEPALIVE_DELAY_MS must be a whole number of milliseconds >= 1000, got "10"',
    ],
  ])('stops the service at start-up when %s=%p, naming the variable', (name, value, message) => {
    expect(() => loadServiceConfig(intake, { ...BROKERS, [name]: value })).toThrow(message);
  });
});

describe('trustProxyFromEnv', () => {
  it('trusts no proxy when unset, blank or 0: the address is the TCP peer', () => {
    expect(trustProxyFromEnv({})).toBe(false);
    expect(trustProxyFromEnv({ TRUST_PROXY: ' ' })).toBe(false);
    expect(trustProxyFromEnv({ TRUST_PROXY: '0' })).toBe(false);
  });

  it('takes a number of hops, or a list of proxy addresses and CIDR ranges', () => {
    expect(trustProxyFromEnv({ TRUST_PROXY: '1' })).toBe(1);
    expect(trustProxyFromEnv({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,fd00::/8,loopback' })).toEqual([
      '10.0.0.0/8',
      '192.168.1.5',
      'fd00::/8',
      'loopback',
    ]);
  });

  it.each(['true', 'yes', '10.0.0.0/33', '10.0.0/8', 'proxy.local', '1,2'])(
    'stops the service on %p, naming the variable',
    (value) => expect(() => trustProxyFromEnv({ TRUST_PROXY: value })).toThrow(/^TRUST_PROXY must be/),
  );
});
