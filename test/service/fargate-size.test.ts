import { describeFargateMemory, fargateCpuValues, fargateMemoryValues, isFargateSize } from '../../src/service/fargate-size';

describe('Fargate task sizes', () => {
  test('lists the seven CPU values', () => {
    expect(fargateCpuValues()).toEqual([256, 512, 1024, 2048, 4096, 8192, 16384]);
  });

  test.each([
    [256, 512], [256, 2048], [512, 1024], [512, 4096], [1024, 8192], [2048, 16384],
    [4096, 30720], [8192, 61440], [8192, 20480], [16384, 122880], [16384, 40960],
  ])('accepts cpu %d with %d MiB', (cpu, memory) => {
    expect(isFargateSize(cpu, memory)).toBe(true);
  });

  test.each([
    [256, 4096], [512, 512], [1024, 1024], [1024, 2500], [2048, 17408], [8192, 18432], [16384, 36864], [300, 1024],
  ])('rejects cpu %d with %d MiB', (cpu, memory) => {
    expect(isFargateSize(cpu, memory)).toBe(false);
  });

  test('memory values of 256 CPU include the extra 512 MiB', () => {
    expect(fargateMemoryValues(256)).toEqual([512, 1024, 2048]);
    expect(fargateMemoryValues(999)).toEqual([]);
  });

  test('describes the allowed memory for the error message', () => {
    expect(describeFargateMemory(256)).toBe('512 or 1024 to 2048 in steps of 1024');
    expect(describeFargateMemory(8192)).toBe('16384 to 61440 in steps of 4096');
    expect(describeFargateMemory(3)).toBe('one of the CPU values 256, 512, 1024, 2048, 4096, 8192, 16384');
  });
});
