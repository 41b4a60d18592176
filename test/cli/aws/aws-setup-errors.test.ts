import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { App, Duration, Stack, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { awsSetupError } from '../../../src/cli/aws/aws-setup-errors';
import { CliContext, processContext } from '../../../src/cli/cli-context';
import { runCli } from '../../../src/cli/program';
import { ServiceLevelObjective, SloAlarmSet } from '../../../src/slo';
import { synthReviewApp } from '../review-app';
import { noCredentialsEnv } from './no-credentials-env';

const ROOT = path.join(__dirname, '..', '..', '..');
const run = promisify(execFile);

/** Runs the CLI in-process with the real SDK client factory, under `env`. */
async function runWithEnv(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  const saved = process.env;
  process.env = env;
  let stderr = '';
  const context: CliContext = { ...processContext(), stdout: () => undefined, stderr: (t) => { stderr += t; } };
  try {
    return { code: await runCli(args, context), stderr };
  } finally {
    process.env = saved;
  }
}

/** An SloAlarmSet in a stack without an environment: the assembly names no Region. */
function synthRegionlessApp(): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-noregion-'));
  const app = new App({ outdir });
  const stack = new Stack(app, 'Anywhere');
  const metric = (metricName: string) => new cloudwatch.Metric({ namespace: 'Shop', metricName, statistic: 'Sum', period: Duration.minutes(1) });
  new SloAlarmSet(stack, 'Slos', {
    serviceName: 'checkout',
    slos: [ServiceLevelObjective.availability({ name: 'Availability', objectivePercent: 99.9, badEvents: metric('Errors'), validEvents: metric('Requests') })],
  });
  app.synth();
  return outdir;
}

describe('without AWS credentials or a Region the CLI exits 2 and says how to provide them', () => {
  const reviewApp = synthReviewApp(); // stacks in eu-west-1
  const regionless = synthRegionlessApp();

  test('slo-status as a child process: exit 2, no stack trace, how to provide credentials', async () => {
    const child = run('npx', ['ts-node', '--project', 'tsconfig.dev.json', '--transpile-only', 'src/cli/main.ts', 'slo-status', reviewApp],
      { cwd: ROOT, env: noCredentialsEnv(true) });
    const failure = await child.then(() => undefined, (e: { code: number; stderr: string }) => e);
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('slo-status calls CloudWatch, but the AWS SDK found no credentials (CredentialsProviderError');
    for (const hint of ['AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY', 'AWS_PROFILE=<profile>', 'aws configure', 'aws sso login', '--region <region> or AWS_REGION']) {
      expect(failure?.stderr).toContain(hint);
    }
    expect(failure?.stderr).not.toContain('unexpected error');
    expect(failure?.stderr).not.toMatch(/^\s+at /m);
  });

  test('backtest --from/--to in-process: exit 2 with the same help', async () => {
    const result = await runWithEnv(['backtest', reviewApp, '--from', 'now-1h', '--to', 'now'], noCredentialsEnv(true));
    expect(result).toEqual({ code: 2, stderr: expect.stringContaining('backtest calls CloudWatch, but the AWS SDK found no credentials') });
  });

  test('no Region anywhere (stack without environment, no --region, no AWS_REGION): exit 2 naming --region and AWS_REGION', async () => {
    const result = await runWithEnv(['slo-status', regionless], noCredentialsEnv(false));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('slo-status calls CloudWatch, but no AWS Region is set (Error: Region is missing)');
    expect(result.stderr).toContain('--region <region> or AWS_REGION');
  });
});

describe('awsSetupError', () => {
  const named = (name: string, message: string) => Object.assign(new Error(message), { name });

  test.each([
    ['CredentialsProviderError', named('CredentialsProviderError', 'Could not load credentials from any providers'), 'found no credentials'],
    ['TokenProviderError (SSO session expired)', named('TokenProviderError', 'The SSO session associated with this profile has expired'), 'found no credentials'],
    ['Region is missing', new Error('Region is missing'), 'no AWS Region is set'],
    ['a wrapper whose cause is CredentialsProviderError', new Error('wrapped', { cause: named('CredentialsProviderError', 'x') }), 'found no credentials'],
    ['an invalid Region', new Error('Region not accepted: region="us east 1" is not a valid hostname component.'), 'not a valid Region name'],
    ['ExpiredToken', named('ExpiredToken', 'The security token included in the request is expired'), 'AWS rejected the credentials'],
  ])('%s → usage error', (_label, error, text) => {
    expect(awsSetupError(error, 'slo-status')?.message).toContain(text);
  });

  test('anything else is left alone (a bug stays exit 3)', () => {
    expect(awsSetupError(new TypeError('x is undefined'), 'slo-status')).toBeUndefined();
    expect(awsSetupError(named('ThrottlingException', 'Rate exceeded'), 'slo-status')).toBeUndefined();
    expect(awsSetupError('a string', 'slo-status')).toBeUndefined();
  });
});
