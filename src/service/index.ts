// Public API of src/service: re-exports only.
export * from './reliable-service';
export * from './reliable-service-props';
export * from './service-deployment-strategy';
