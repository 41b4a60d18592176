import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * An environment in which the SDK's default credential chain finds nothing and calls nothing:
 * no credential variables, empty shared config and credentials files, no container credentials,
 * and AWS_EC2_METADATA_DISABLED=true so the last provider does not call the instance metadata service.
 * (AWS SDK for JavaScript v3 developer guide, "Setting credentials in Node.js": the default chain,
 * fromNodeProviderChain, tries environment variables, SSO, shared INI files, process, web identity
 * token file, then the ECS container or EC2 instance metadata provider, and fails with
 * CredentialsProviderError when none gives credentials.)
 */
export function noCredentialsEnv(withRegion: boolean): NodeJS.ProcessEnv {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-nocreds-'));
  fs.writeFileSync(path.join(dir, 'config'), '');
  fs.writeFileSync(path.join(dir, 'credentials'), '');
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
  return {
    ...env,
    HOME: dir,
    AWS_CONFIG_FILE: path.join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...(withRegion ? { AWS_REGION: 'eu-west-1' } : {}),
  };
}
