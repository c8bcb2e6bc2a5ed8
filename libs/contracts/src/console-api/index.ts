export * from './admin';
export * from './board';
export * from './cases';
export * from './figures';
export * from './live';
export * from './notifications';
export * from './tracking';
