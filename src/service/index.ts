// Public API of src/service: re-exports only.
export {};
