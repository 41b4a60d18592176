// Public API of cdk-reliability: re-exports only.
export * from './slo';
export * from './service';
export * from './deploy';
export * from './dr';
export * from './chaos';
export * from './nag';
export * from './capacity';
export * from './incident';
export * from './multi-region';
