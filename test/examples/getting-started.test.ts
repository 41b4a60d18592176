import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatFindings, readUnacknowledgedFindings } from '../../examples/compliance/findings';
import { cdkCliContext } from '../../examples/compliance/synth';
import { readCloudAssembly } from '../../src/cli/assembly/read-assembly';
import { registeredPlugins } from '../../src/cli/report/validation-plugins';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLE = path.join(ROOT, 'examples', 'getting-started.ts');

/** The first ```ts block under the README's "Getting started" heading. */
function readmeGettingStarted(): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## Getting started$/m)[1] ?? '';
  const block = /```ts[^\n]*\n([\s\S]*?)```/.exec(section);
  return block ? block[1] : '';
}

describe('the README\'s getting-started app', () => {
  test('is examples/getting-started.ts, importing the package by name', () => {
    const example = fs.readFileSync(EXAMPLE, 'utf8').replace('from \'../src\';', 'from \'cdk-reliability\';');
    expect(readmeGettingStarted()).toBe(example);
  });

  test('synthesizes with zero open findings under AwsSolutions and ReliabilityChecks', () => {
    // The file is an app as a user runs it: `new App()` reads its output directory and context
    // from the environment the CDK CLI sets, as `cdk synth` would.
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-getting-started-'));
    const saved = { outdir: process.env.CDK_OUTDIR, context: process.env.CDK_CONTEXT_JSON };
    process.env.CDK_OUTDIR = outdir;
    process.env.CDK_CONTEXT_JSON = JSON.stringify(cdkCliContext());
    try {
      jest.isolateModules(() => jest.requireActual(EXAMPLE));
    } finally {
      restore('CDK_OUTDIR', saved.outdir);
      restore('CDK_CONTEXT_JSON', saved.context);
    }
    // The plugins that ran, as ReliabilityChecks records them (the report lists only those with findings).
    expect(registeredPlugins(readCloudAssembly(outdir))).toEqual(expect.arrayContaining(['AwsSolutions', 'Reliability']));
    expect(formatFindings(readUnacknowledgedFindings(outdir))).toBe('');
    const template = JSON.parse(fs.readFileSync(path.join(outdir, 'Hello.template.json'), 'utf8'));
    const types = Object.values(template.Resources as Record<string, { Type: string }>).map((r) => r.Type);
    expect(types).toEqual(expect.arrayContaining(['AWS::ECS::Service', 'AWS::ElasticLoadBalancingV2::LoadBalancer']));
  });
});

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
