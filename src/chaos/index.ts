// Public API of src/chaos: re-exports only.
export * from './chaos-fis-experiment';
export * from './chaos-schedule';
export * from './fis-action';
export * from './fis-action-options';
export * from './fis-target';
