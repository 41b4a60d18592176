import { LibrarySource } from './library-source';

/** plain pattern, ReliableService, or ReliableService's template included as is (no construct logic). */
export type SynthKind = 'plain' | 'reliable' | 'template';

/** One child process: N stacks of one kind, built and synthesized. */
export interface SynthMeasurement {
  readonly kind: SynthKind;
  readonly stacks: number;
  /** The whole child process, measured by the parent (Node start-up included). */
  readonly wallMs: number;
  /** Running the construct code of every stack. */
  readonly buildMs: number;
  /** app.synth() up to the first validation plugin: preparing, resolving and writing the templates. */
  readonly templateMs: number;
  /** The validation plugins (aws-cdk-lib's CloudFormation Validate, and the packs with --packs). */
  readonly validationMs: number;
  readonly peakRssMb: number;
  /** User + system CPU of the child: robust when other processes share the cores. */
  readonly cpuMs: number;
  readonly resources: number;
}

export interface SynthResult {
  readonly stacks: number;
  readonly plain: readonly SynthMeasurement[];
  readonly reliable: readonly SynthMeasurement[];
  /** The same template as ReliableService's, through CfnInclude: what its resources cost without its code. */
  readonly sameTemplate?: readonly SynthMeasurement[];
}

export interface SynthReportOptions {
  readonly packs: boolean;
  readonly builtinValidation: boolean;
  readonly runs: number;
  readonly source: LibrarySource;
  readonly machine: string;
}

type Field = 'wallMs' | 'buildMs' | 'templateMs' | 'validationMs' | 'peakRssMb' | 'cpuMs';

function median(ms: readonly SynthMeasurement[], field: Field): number {
  const sorted = ms.map((m) => m[field]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Node and ts-node start-up, module loading and exit. aws-cdk-lib loads its modules lazily, on first
 * use while the constructs are built, so loading is not a phase of its own.
 */
function startUpMs(ms: readonly SynthMeasurement[]): number {
  const outside = ms.map((m) => m.wallMs - m.buildMs - m.templateMs - m.validationMs).sort((a, b) => a - b);
  return outside[Math.floor(outside.length / 2)];
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

function summaryRow(r: SynthResult): string {
  const p = (f: Field) => median(r.plain, f);
  const q = (f: Field) => median(r.reliable, f);
  const plainResources = r.plain[0].resources / r.stacks;
  const reliableResources = r.reliable[0].resources / r.stacks;
  const wallRatio = q('wallMs') / p('wallMs');
  // What one synthesized resource costs on each side: ReliableService makes ~2.5x the resources.
  const perResource = wallRatio / (reliableResources / plainResources);
  return `| ${r.stacks} | ${seconds(p('wallMs'))} | ${seconds(q('wallMs'))} | **${wallRatio.toFixed(2)}** `
    + `| ${(q('cpuMs') / p('cpuMs')).toFixed(2)} | ${p('peakRssMb').toFixed(0)} / ${q('peakRssMb').toFixed(0)} `
    + `| ${plainResources} / ${reliableResources} | ${perResource.toFixed(2)} |`;
}

function phaseTable(r: SynthResult): string[] {
  const phases: [string, (ms: readonly SynthMeasurement[]) => number][] = [
    ['start-up, module loading, exit', startUpMs],
    ['build the constructs', (ms) => median(ms, 'buildMs')],
    ['synthesize the templates', (ms) => median(ms, 'templateMs')],
    ['validation plugins', (ms) => median(ms, 'validationMs')],
  ];
  const gap = median(r.reliable, 'wallMs') - median(r.plain, 'wallMs');
  const rows = phases.map(([name, of]) => {
    const plain = of(r.plain);
    const reliable = of(r.reliable);
    return `| ${name} | ${seconds(plain)} | ${seconds(reliable)} | ${seconds(reliable - plain)} | ${Math.round(100 * (reliable - plain) / gap)} % |`;
  });
  return [
    `Where the time goes at N = ${r.stacks} (medians, seconds):`,
    '',
    '| phase | plain | ReliableService | difference | share of the gap |',
    '|---|---:|---:|---:|---:|',
    ...rows,
  ];
}

/**
 * The ratio ReliableService would reach if everything but validation cost it exactly what it costs
 * plain: the validation phase alone puts the ratio at least this high.
 */
export function validationFloor(r: SynthResult): number {
  const plainWall = median(r.plain, 'wallMs');
  return (plainWall + median(r.reliable, 'validationMs') - median(r.plain, 'validationMs')) / plainWall;
}

/** ReliableService against its own template included as is: what the library's construct code adds. */
function sameTemplateTable(results: readonly SynthResult[]): string[] {
  const rows = results.filter((r) => r.sameTemplate?.length).map((r) => {
    const same = r.sameTemplate!;
    const reliable = median(r.reliable, 'wallMs');
    const template = median(same, 'wallMs');
    const phase = (f: Field) => `${seconds(median(same, f))} / ${seconds(median(r.reliable, f))}`;
    return `| ${r.stacks} | ${seconds(template)} | ${seconds(reliable)} | **${(reliable / template).toFixed(2)}** `
      + `| ${phase('buildMs')} | ${phase('templateMs')} | ${phase('validationMs')} |`;
  });
  const withTemplate = results.find((r) => r.sameTemplate?.length);
  if (!withTemplate) return [];
  const resources = withTemplate.sameTemplate![0].resources / withTemplate.stacks;
  return [
    '',
    `The same ${resources} resources per stack without construct logic: N copies of one ReliableService template `
      + 'through CfnInclude (medians):',
    '',
    '| N | same template (s) | ReliableService (s) | ratio | build, same / reliable (s) | templates, same / reliable (s) | validation, same / reliable (s) |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ];
}

/** The Markdown the benchmark prints: the ratio per N, then where the time goes at the largest N. */
export function renderSynthReport(results: readonly SynthResult[], o: SynthReportOptions): string {
  const largest = results[results.length - 1];
  return [
    `Synth benchmark (${o.packs ? 'with every compliance pack' : 'no compliance packs'}; `
      + `built-in CloudFormation Validate ${o.builtinValidation ? 'on' : 'off'}; cdk-reliability loaded from ${o.source}/; `
      + `median of ${o.runs} run${o.runs > 1 ? 's' : ''}; ${o.machine})`,
    '',
    '| N | plain wall (s) | ReliableService wall (s) | wall ratio | CPU ratio | peak RSS plain / reliable (MB) '
      + '| resources per stack plain / reliable | ratio per resource |',
    '|---:|---:|---:|---:|---:|---:|---|---:|',
    ...results.map(summaryRow),
    '',
    ...phaseTable(largest),
    '',
    `Validation floor at N = ${largest.stacks}: ${validationFloor(largest).toFixed(2)} (the wall ratio if only the `
      + 'validation phase differed between the two sides).',
    ...sameTemplateTable(results),
  ].join('\n');
}
