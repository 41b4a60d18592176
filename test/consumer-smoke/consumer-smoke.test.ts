import { execFileSync, execSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { libraryOwnerOf, ownedFindings } from '../../scripts/consumer-smoke/findings';
import { REQUIRED_FILES, missingFromTarball, tarballEntries } from '../../scripts/consumer-smoke/tarball';
import { compareVersions, highestVersion, lockedVersion } from '../../scripts/consumer-smoke/versions';

const REPO = path.resolve(__dirname, '..', '..');
const HANDLER = 'lib/deploy/pre-traffic-check/index.js';

let tmp: string;
beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'consumer-smoke-test-')); });
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** An npm-style tarball (`package/` prefix) holding the given files. */
function packTarball(files: readonly string[]): string {
  const root = path.join(tmp, 'pack');
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(root, 'package', file)), { recursive: true });
    fs.writeFileSync(path.join(root, 'package', file), '');
  }
  const tarball = path.join(tmp, 'cdk-reliability.tgz');
  execFileSync('tar', ['-czf', tarball, '-C', root, 'package']);
  return tarball;
}

describe('the packed tarball', () => {
  test('a tarball without the pre-traffic handler is refused, naming the file', () => {
    // What `compile` then `package:js` produced on 476e533: the copy ran only in post-compile.
    const tarball = packTarball(REQUIRED_FILES.filter((f) => f !== HANDLER));
    expect(missingFromTarball(tarballEntries(tarball), [])).toEqual([HANDLER]);
  });

  test('a tarball without a bundled dependency of the CLI is refused', () => {
    const tarball = packTarball([...REQUIRED_FILES, 'node_modules/commander/package.json']);
    expect(missingFromTarball(tarballEntries(tarball), ['commander', 'escape-html'])).toEqual(['node_modules/escape-html/package.json']);
  });

  test('a complete tarball passes', () => {
    const tarball = packTarball([...REQUIRED_FILES, 'node_modules/commander/package.json']);
    expect(missingFromTarball(tarballEntries(tarball), ['commander'])).toEqual([]);
  });

  test('the compile task alone puts the handler in lib/, so compile then package:js ships it', () => {
    // Runs the compile task's own steps (all but jsii itself) in a scratch copy of the handler's folder.
    const tasks = JSON.parse(fs.readFileSync(path.join(REPO, '.projen', 'tasks.json'), 'utf8')).tasks;
    const steps: Array<{ exec?: string }> = tasks.compile.steps;
    fs.mkdirSync(path.join(tmp, 'src', 'deploy', 'pre-traffic-check'), { recursive: true });
    fs.copyFileSync(path.join(REPO, 'src', 'deploy', 'pre-traffic-check', 'index.js'), path.join(tmp, 'src', 'deploy', 'pre-traffic-check', 'index.js'));
    for (const step of steps) {
      if (step.exec && !step.exec.startsWith('jsii')) execSync(step.exec, { cwd: tmp });
    }
    expect(fs.readFileSync(path.join(tmp, HANDLER), 'utf8'))
      .toEqual(fs.readFileSync(path.join(REPO, 'src', 'deploy', 'pre-traffic-check', 'index.js'), 'utf8'));
  });

  test('package:js checks the tarball it packed', () => {
    const tasks = JSON.parse(fs.readFileSync(path.join(REPO, '.projen', 'tasks.json'), 'utf8')).tasks;
    const steps: Array<{ exec?: string }> = tasks['package:js'].steps;
    expect(steps[steps.length - 1].exec).toContain('scripts/consumer-smoke/check-tarball.ts dist/js');
  });
});

describe('the versions the consumer app installs', () => {
  test('npm view lists matching versions unsorted; the highest is picked numerically', () => {
    expect(highestVersion('["2.276.0","2.278.0","2.277.0"]')).toBe('2.278.0');
    expect(highestVersion('"3.0.2"')).toBe('3.0.2');
    expect(compareVersions('2.99.1', '2.278.0')).toBeLessThan(0);
  });

  test('locked versions come from package-lock.json', () => {
    const lock = { packages: { 'node_modules/aws-cdk-lib': { version: '2.276.0' } } };
    expect(lockedVersion(lock, 'aws-cdk-lib')).toBe('2.276.0');
    expect(() => lockedVersion(lock, 'cdk-nag')).toThrow(/no entry for cdk-nag/);
  });
});

describe('who owns a finding', () => {
  const tree = {
    id: 'App',
    children: {
      Consumer: {
        id: 'Consumer',
        constructInfo: { fqn: 'aws-cdk-lib.Stack' },
        children: {
          Pipeline: {
            id: 'Pipeline',
            constructInfo: { fqn: 'cdk-reliability.BlueGreenPipeline' },
            children: { Prod: { id: 'Prod', children: { Function: { id: 'Function', constructInfo: { fqn: 'aws-cdk-lib.aws_lambda.Function' } } } } },
          },
          Bucket: { id: 'Bucket', constructInfo: { fqn: 'aws-cdk-lib.aws_s3.Bucket' } },
        },
      },
    },
  };

  test('a resource under a cdk-reliability construct is the library\'s; the app\'s own are not', () => {
    expect(libraryOwnerOf(tree, 'Consumer/Pipeline/Prod/Function')).toBe('cdk-reliability.BlueGreenPipeline');
    expect(libraryOwnerOf(tree, 'Consumer/Bucket')).toBeUndefined();
  });

  test('every violating construct of every plugin becomes one finding', () => {
    const report = {
      pluginReports: [{
        pluginName: 'AwsSolutions',
        violations: [{
          ruleName: 'AwsSolutions-L1',
          severity: 'error',
          violatingConstructs: [{ constructPath: 'Consumer/Pipeline/Prod/Function' }, { constructPath: 'Consumer/Bucket' }],
        }],
      }],
    };
    expect(ownedFindings(report, tree)).toEqual([
      { plugin: 'AwsSolutions', rule: 'AwsSolutions-L1', severity: 'error', constructPath: 'Consumer/Pipeline/Prod/Function', libraryOwner: 'cdk-reliability.BlueGreenPipeline' },
      { plugin: 'AwsSolutions', rule: 'AwsSolutions-L1', severity: 'error', constructPath: 'Consumer/Bucket', libraryOwner: undefined },
    ]);
  });
});
