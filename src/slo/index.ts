// Public API of src/slo: re-exports only.
export {};
