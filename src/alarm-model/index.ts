// Entry point of the alarm model for the CLI. Deliberately not re-exported from src/index.ts:
// these are plain TypeScript types (unions), not part of the jsii API.
export * from './types';
export * from './errors';
export * from './cfn-intrinsics';
export * from './parse-metric-alarm';
export * from './parse-composite-alarm';
export * from './composite-rule';
export * from './metric-math';
export * from './metric-math-eval';
export * from './missing-data';
export * from './period-aggregation';
export * from './replay';
export * from './composite-replay';
export * from './series-lookup';
export * from './state-transition';
