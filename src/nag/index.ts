// Public API of src/nag: re-exports only.
export * from './reliability-checks';
