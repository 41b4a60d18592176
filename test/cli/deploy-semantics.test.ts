import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CloudWatchClient, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { App, IPolicyValidationPlugin, PolicyValidationPluginReport, Stack, Validations, aws_sqs as sqs } from 'aws-cdk-lib';
import { noCredentialsEnv } from './aws/no-credentials-env';

/**
 * Runtime facts the CLI relies on, each with its source. Listed in docs/deploy-semantics.md.
 */

/** Runs `fn` with process.env replaced (the SDK reads credentials and Region from it at call time). */
/** What a CloudWatch call fails with under `env` (undefined if it succeeds). */
function callError(env: NodeJS.ProcessEnv): Promise<Error | undefined> {
  return withEnv(env, () => new CloudWatchClient({}).send(new ListMetricsCommand({})).then(() => undefined, (e: Error) => e));
}

async function withEnv<T>(env: NodeJS.ProcessEnv, fn: () => Promise<T>): Promise<T> {
  const saved = process.env;
  process.env = env;
  try {
    return await fn();
  } finally {
    process.env = saved;
  }
}

const plugin = (name: string, violations: PolicyValidationPluginReport['violations']): IPolicyValidationPlugin => ({
  name,
  // Warnings only: the plugin succeeds, so synth does not throw, and its report still lists them.
  validate: () => ({ success: true, violations }),
});

describe('aws-cdk-lib policy validation report', () => {
  // Source: aws-cdk-lib core/lib/validation/private/report.js, PolicyValidationReportFormatter.buildPluginReports
  // (a report that succeeded with no violation and nothing suppressed is not pushed). This is why
  // `cdk-reliability report` needs the record of registered plugins to tell "ran, nothing open" from "not run".
  test('validation-report.json leaves out a plugin that reported nothing; a plugin with a violation is listed', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-semantics-'));
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'S');
    const queue = new sqs.Queue(stack, 'Q');
    Validations.of(app).addPlugins(
      plugin('Quiet', []),
      plugin('Loud', [{
        ruleName: 'R1',
        description: 'd',
        severity: 'warning',
        violatingResources: [{ resourceLogicalId: stack.getLogicalId(queue.node.defaultChild as sqs.CfnQueue), templatePath: path.join(outdir, 'S.template.json'), locations: [] }],
      }]),
    );
    app.synth();
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
    expect(report.pluginReports.map((r: { pluginName: string }) => r.pluginName)).toEqual(['Loud']);
  });
});

describe('AWS SDK for JavaScript v3 default credential and Region resolution (the CLI\'s CloudWatchClient)', () => {
  // AWS SDK for JavaScript v3 Developer Guide, "Credential provider chain"
  // (https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/setting-credentials-node.html):
  // the default chain tries environment variables first, then the shared config and credentials files
  // (AWS_PROFILE, `aws configure`, SSO), then process / web identity / container / instance metadata.
  // Observed in @aws-sdk/credential-provider-node (defaultProvider): when AWS_PROFILE is set, the
  // environment provider is skipped ("AWS_PROFILE is set, skipping fromEnv provider") and the profile wins.
  test('environment variables first; with AWS_PROFILE set the profile wins over them', async () => {
    const env = noCredentialsEnv(true);
    fs.writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE!, '[default]\naws_access_key_id = AKIADEFAULTDEFAULTDE\naws_secret_access_key = d\n'
      + '[dev]\naws_access_key_id = AKIAFILEFILEFILEFILE\naws_secret_access_key = file-secret\n');
    const keys = { AWS_ACCESS_KEY_ID: 'AKIAENVENVENVENVENVE', AWS_SECRET_ACCESS_KEY: 'env-secret' };
    const credentials = (extra: NodeJS.ProcessEnv) => withEnv({ ...env, ...extra }, () => new CloudWatchClient({}).config.credentials());
    expect((await credentials(keys)).accessKeyId).toBe('AKIAENVENVENVENVENVE');
    expect((await credentials({})).accessKeyId).toBe('AKIADEFAULTDEFAULTDE');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect((await credentials({ ...keys, AWS_PROFILE: 'dev' })).accessKeyId).toBe('AKIAFILEFILEFILEFILE');
    } finally {
      warn.mockRestore();
    }
  });

  // Same guide: when no provider of the chain returns credentials, the SDK throws CredentialsProviderError
  // ("Could not load credentials from any providers"); the CLI turns it into exit 2 with setup help.
  test('no provider gives credentials: CredentialsProviderError, before any request is sent', async () => {
    const error = await callError(noCredentialsEnv(true));
    expect(error?.name).toBe('CredentialsProviderError');
  });

  // AWS SDK for JavaScript v3 Developer Guide, "Setting the AWS Region": the Region comes from the client
  // configuration, AWS_REGION, or the profile's `region`; with none, a call fails with "Region is missing".
  test('no Region configured anywhere: "Region is missing"', async () => {
    const error = await callError(noCredentialsEnv(false));
    expect(error?.message).toMatch(/Region is missing/);
  });
});
