// Public API of src/chaos: re-exports only.
export {};
