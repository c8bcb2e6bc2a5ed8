import { databaseUrlFromEnv, DEFAULT_DATABASE_URL, describeDatabaseUrl, withDatabase } from './database-url';

describe('databaseUrlFromEnv', () => {
  it('defaults to the local appeals database', () => {
    expect(databaseUrlFromEnv({})).toBe('postgres://postgres@127.0.0.1:5432/appeals');
    expect(databaseUrlFromEnv({ DATABASE_URL: '   ' })).toBe(DEFAULT_DATABASE_URL);
  });

  it('uses DATABASE_URL without surrounding blanks', () => {
    expect(databaseUrlFromEnv({ DATABASE_URL: ' postgres://app@db:5432/x \n' })).toBe(
      'postgres://app@db:5432/x',
    );
  });
});

describe('describeDatabaseUrl', () => {
  it('names host, port, database and user', () => {
    expect(describeDatabaseUrl('postgres://app:s3cret@db.internal:6432/appeals_prod')).toEqual({
      url: 'postgres://app:s3cret@db.internal:6432/appeals_prod',
      host: 'db.internal',
      port: 6432,
      database: 'appeals_prod',
      user: 'app',
    });
  });

  it('fills in the PostgreSQL defaults for port and user', () => {
    expect(describeDatabaseUrl('postgresql://db.internal/appeals')).toMatchObject({
      host: 'db.internal',
      port: 5432,
      database: 'appeals',
      user: 'postgres',
    });
  });

  it('decodes percent-encoded names', () => {
    expect(describeDatabaseUrl('postgres://app%40corp@db/appeals%20test')).toMatchObject({
      user: 'app@corp',
      database: 'appeals test',
    });
  });

  it.each(['mysql://root@db:3306/appeals', 'http://db/appeals'])(
    'rejects %s, asking for postgres://',
    (url) => {
      expect(() => describeDatabaseUrl(url)).toThrow(/^DATABASE_URL must start with postgres:\/\//);
    },
  );

  it('does not repeat the password when it rejects a URL', () => {
    let message = '';
    try {
      describeDatabaseUrl('mysql://root:hunter2@db/appeals');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^DATABASE_URL must start with postgres:\/\//);
    expect(message).not.toContain('hunter2');
  });

  it.each(['postgres://db:5432', 'postgres://db:5432/'])('rejects %s, which names no database', (url) => {
    expect(() => describeDatabaseUrl(url)).toThrow('DATABASE_URL must name a database');
  });
});

describe('withDatabase', () => {
  it('keeps server, credentials and options and changes only the database', () => {
    expect(withDatabase('postgres://app:s3cret@db.internal:6432/appeals?sslmode=require', 'postgres')).toBe(
      'postgres://app:s3cret@db.internal:6432/postgres?sslmode=require',
    );
  });

  it('gives the URL of the test database of the default server', () => {
    const url = withDatabase(DEFAULT_DATABASE_URL, 'appeals_test');
    expect(describeDatabaseUrl(url)).toMatchObject({
      host: '127.0.0.1',
      port: 5432,
      database: 'appeals_test',
    });
  });

  it('encodes a database name that needs it, and describeDatabaseUrl reads it back', () => {
    const url = withDatabase(DEFAULT_DATABASE_URL, 'appeals test/1');
    expect(describeDatabaseUrl(url).database).toBe('appeals test/1');
  });
});
