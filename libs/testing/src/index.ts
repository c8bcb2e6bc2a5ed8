export * from './appeal-fixtures';
export * from './event-tap';
export * from './test-environment';
export * from './tcp-proxy';
