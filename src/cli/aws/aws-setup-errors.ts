import { UsageError } from '../errors';

/**
 * How to give the CLI credentials, in the order the AWS SDK for JavaScript v3's default chain looks
 * for them: environment variables (skipped when AWS_PROFILE is set), SSO / shared config and
 * credentials files, then container and instance roles (test/cli/deploy-semantics.test.ts).
 */
export const CREDENTIALS_HELP = [
  'Provide AWS credentials in one of these ways:',
  '  - AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials); unset AWS_PROFILE, which takes precedence',
  '  - AWS_PROFILE=<profile> with a profile from `aws configure` (~/.aws/credentials, ~/.aws/config)',
  '  - an IAM Identity Center (SSO) profile: `aws sso login --profile <profile>`, then AWS_PROFILE=<profile>',
  '  - a role of the ECS task or EC2 instance the command runs on',
].join('\n');

export const REGION_HELP = 'Give the Region with --region <region> or AWS_REGION (or a region in the AWS_PROFILE\'s config).';

/** SDK errors (by `name`) raised when no credential provider of the chain could give credentials. */
const CREDENTIAL_ERROR_NAMES = new Set(['CredentialsProviderError', 'TokenProviderError']);
/** Errors AWS answers with when the request's credentials are not valid (any more). */
const REJECTED_CREDENTIAL_NAMES = new Set([
  'ExpiredToken', 'ExpiredTokenException', 'InvalidClientTokenId', 'UnrecognizedClientException', 'SignatureDoesNotMatch',
]);

/**
 * A usage error that says how to set up credentials or a Region, when `error` (or an error it wraps
 * as `cause`) is the SDK's "no credentials", "credentials rejected" or "Region is missing"; undefined
 * for anything else. Matched on `name` and `message`, not on classes: the SDK's error classes come
 * from @smithy packages whose copies (and versions) vary between installs.
 */
export function awsSetupError(error: unknown, command: string): UsageError | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const summary = `${e.name}: ${e.message}`;
    if (/region is missing/i.test(e.message)) {
      return new UsageError(`${command} calls CloudWatch, but no AWS Region is set (${summary}). ${REGION_HELP}`);
    }
    // The SDK checks the Region is a hostname component before it signs (--region or AWS_REGION with a typo).
    if (/region not accepted|invalid region/i.test(e.message)) {
      return new UsageError(`${command}: the AWS Region is not a valid Region name (${summary}). Use a Region code such as us-east-1: ${REGION_HELP}`);
    }
    if (CREDENTIAL_ERROR_NAMES.has(e.name) || /could not load credentials/i.test(e.message)) {
      return new UsageError(`${command} calls CloudWatch, but the AWS SDK found no credentials (${summary}).\n${CREDENTIALS_HELP}\n${REGION_HELP}`);
    }
    if (REJECTED_CREDENTIAL_NAMES.has(e.name)) {
      return new UsageError(`${command}: AWS rejected the credentials (${summary}).\n${CREDENTIALS_HELP}`);
    }
  }
  return undefined;
}
