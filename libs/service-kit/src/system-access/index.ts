export * from './system-access-config';
export * from './system-tokens';
export * from './system-token.guard';
