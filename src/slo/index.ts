// Public API of src/slo: re-exports only.
export * from './alert-severity';
export * from './burn-rate-alert';
export * from './service-level-objective';
export * from './slo-alarm-set';
export * from './slo-window';
