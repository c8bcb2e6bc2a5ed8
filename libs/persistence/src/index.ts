export * from './database-url';
export * from './ensure-database';
export * from './service-data-source';
export * from './sql-identifier';
export * from './cached-reference-data';
export * from './redaction';
export * from './redacting-typeorm-logger';
export * from './database-gauge';
