export * from './capacity-guardrails';
export * from './capacity-source';
export * from './service-quota';
export * from './predictive-scaling';
