// Public API of src/deploy: re-exports only.
export {};
