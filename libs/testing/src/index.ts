export * from './appeal-fixtures';
export * from './event-tap';
export * from './local-postgres-cluster';
export * from './personal-data';
export * from './test-environment';
export * from './tcp-proxy';
