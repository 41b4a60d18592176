// Public API of src/multi-region: re-exports only.
export { MultiRegionRecovery } from './multi-region-recovery';
export { MultiRegionRecoveryProps } from './multi-region-recovery-props';
export { RecoveryRouting, Route53HealthCheckRoutingOptions } from './recovery-routing';
