import { renderSynthReport, SynthKind, SynthMeasurement, SynthResult, validationFloor } from '../../bench/synth-report';

function measurement(kind: SynthKind, wallMs: number, validationMs: number, resources = kind === 'plain' ? 48 : 96): SynthMeasurement {
  return { kind, stacks: 2, wallMs, buildMs: 1000, templateMs: 1000, validationMs, peakRssMb: 500, cpuMs: wallMs, resources: resources * 2 };
}

const result: SynthResult = {
  stacks: 2,
  // Medians: plain 8 s wall / 4 s validation; reliable 20 s / 9 s. The outliers must not move them.
  plain: [measurement('plain', 8000, 4000), measurement('plain', 7000, 3000), measurement('plain', 30000, 20000)],
  reliable: [measurement('reliable', 20000, 9000), measurement('reliable', 60000, 40000), measurement('reliable', 19000, 8000)],
};

describe('synth benchmark report', () => {
  test('the validation floor is plain wall plus the extra validation time, over plain wall (medians)', () => {
    expect(validationFloor(result)).toBeCloseTo((8000 + 9000 - 4000) / 8000, 10);
  });

  test('the summary row shows the median wall ratio and the ratio per resource', () => {
    const report = renderSynthReport([result], { packs: false, builtinValidation: true, runs: 3, source: 'lib', machine: 'test' });
    // 20 / 8 = 2.50; twice the resources per stack, so 1.25 per resource.
    expect(report).toContain('| 2 | 8.0 | 20.0 | **2.50** |');
    expect(report).toMatch(/\| 48 \/ 96 \| 1\.25 \|/);
    expect(report).toContain('cdk-reliability loaded from lib/');
  });

  test('the phase table splits the gap between phases, and the shares add up to 100 %', () => {
    const report = renderSynthReport([result], { packs: false, builtinValidation: true, runs: 3, source: 'src', machine: 'test' });
    const shares = [...report.matchAll(/\| (-?\d+) % \|/g)].map((m) => Number(m[1]));
    expect(shares).toHaveLength(4);
    expect(shares.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(99);
    expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(101);
    // Validation: 9 s against 4 s, 5 s of the 12 s gap.
    expect(report).toContain('| validation plugins | 4.0 | 9.0 | 5.0 | 42 % |');
  });
});

describe('same-template baseline', () => {
  test('ReliableService is compared with its own template included as is, phase by phase', () => {
    const withTemplate: SynthResult = {
      ...result,
      sameTemplate: [measurement('template', 16000, 8000), measurement('template', 15000, 7000), measurement('template', 90000, 1)],
    };
    const report = renderSynthReport([withTemplate], { packs: false, builtinValidation: true, runs: 3, source: 'lib', machine: 'test' });
    expect(report).toContain('The same 96 resources per stack without construct logic');
    // Medians: same template 16 s against ReliableService 20 s.
    expect(report).toContain('| 2 | 16.0 | 20.0 | **1.25** | 1.0 / 1.0 | 1.0 / 1.0 | 7.0 / 9.0 |');
  });

  test('without a same-template side the report has no such table', () => {
    const report = renderSynthReport([result], { packs: false, builtinValidation: true, runs: 3, source: 'lib', machine: 'test' });
    expect(report).not.toContain('without construct logic');
  });
});
