/**
 * The CPU / memory pairs Fargate accepts for a task (Linux), from the ECS task-size table.
 * Kept as data so that validation and the error message share one source of truth.
 */
interface FargateCpuRange {
  /** CPU units (1024 = 1 vCPU). */
  readonly cpu: number;
  readonly minMemoryMiB: number;
  readonly maxMemoryMiB: number;
  readonly stepMiB: number;
  /** Extra values outside the regular range (256 CPU also allows 512 MiB). */
  readonly extraMemoryMiB?: readonly number[];
}

const FARGATE_CPU_RANGES: readonly FargateCpuRange[] = [
  { cpu: 256, minMemoryMiB: 1024, maxMemoryMiB: 2048, stepMiB: 1024, extraMemoryMiB: [512] },
  { cpu: 512, minMemoryMiB: 1024, maxMemoryMiB: 4096, stepMiB: 1024 },
  { cpu: 1024, minMemoryMiB: 2048, maxMemoryMiB: 8192, stepMiB: 1024 },
  { cpu: 2048, minMemoryMiB: 4096, maxMemoryMiB: 16384, stepMiB: 1024 },
  { cpu: 4096, minMemoryMiB: 8192, maxMemoryMiB: 30720, stepMiB: 1024 },
  { cpu: 8192, minMemoryMiB: 16384, maxMemoryMiB: 61440, stepMiB: 4096 },
  { cpu: 16384, minMemoryMiB: 32768, maxMemoryMiB: 122880, stepMiB: 8192 },
];

/** The CPU values Fargate accepts. */
export function fargateCpuValues(): number[] {
  return FARGATE_CPU_RANGES.map((r) => r.cpu);
}

/** The memory values (MiB) Fargate accepts with `cpu`; empty when the CPU value itself is not supported. */
export function fargateMemoryValues(cpu: number): number[] {
  const range = FARGATE_CPU_RANGES.find((r) => r.cpu === cpu);
  if (!range) return [];
  const values = [...(range.extraMemoryMiB ?? [])];
  for (let m = range.minMemoryMiB; m <= range.maxMemoryMiB; m += range.stepMiB) values.push(m);
  return values;
}

/** Whether Fargate runs a task of `cpu` units with `memoryMiB` of memory. */
export function isFargateSize(cpu: number, memoryMiB: number): boolean {
  return fargateMemoryValues(cpu).includes(memoryMiB);
}

/** "1024 to 4096 in steps of 1024" style description of the memory allowed with `cpu`. */
export function describeFargateMemory(cpu: number): string {
  const range = FARGATE_CPU_RANGES.find((r) => r.cpu === cpu);
  if (!range) return `one of the CPU values ${fargateCpuValues().join(', ')}`;
  const extra = range.extraMemoryMiB?.length ? `${range.extraMemoryMiB.join(', ')} or ` : '';
  return `${extra}${range.minMemoryMiB} to ${range.maxMemoryMiB} in steps of ${range.stepMiB}`;
}
