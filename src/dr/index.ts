// Public API of src/dr: re-exports only.
export {};
