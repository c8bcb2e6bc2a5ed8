export * from './health.controller';
export * from './metrics.controller';
export * from './port-holder';
export * from './run-service';
export * from './service-config';
export * from './service-definition';
export * from './service-kit.module';
export * from './validation.pipe';
