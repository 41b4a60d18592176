// Public API of src/deploy: re-exports only.
export * from './blue-green-pipeline';
export * from './deployment-engine';
export * from './pipeline-source';
export * from './traffic-shift';
