import { execFileSync } from 'child_process';

/** The peer dependencies the consumer app varies, and the CLI a user installs next to them. */
export const VARIED_PACKAGES = ['aws-cdk-lib', 'constructs', 'cdk-nag', 'aws-cdk'] as const;
export type VariedPackage = typeof VARIED_PACKAGES[number];
export type VersionSet = Record<VariedPackage, string>;

/** The version of `name` this repository's package-lock.json installs. */
export function lockedVersion(lock: { packages?: Record<string, { version?: string }> }, name: string): string {
  const version = lock.packages?.[`node_modules/${name}`]?.version;
  if (!version) throw new Error(`package-lock.json has no entry for ${name}`);
  return version;
}

/** Compares release versions (`2.278.0` > `2.99.1`); the ranges here admit no prereleases. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const difference = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The highest version of `npm view <name>@<range> version --json`: a string when one version
 * matches, an array otherwise, and not sorted (npm listed 2.276.0, 2.278.0, 2.277.0).
 */
export function highestVersion(npmViewJson: string): string {
  const parsed: unknown = JSON.parse(npmViewJson);
  const versions = (Array.isArray(parsed) ? parsed : [parsed]).filter((v): v is string => typeof v === 'string');
  if (versions.length === 0) throw new Error(`no version in: ${npmViewJson}`);
  return [...versions].sort(compareVersions)[versions.length - 1];
}

/** Asks the registry for the newest version of `name` that `range` admits. */
export function newestInRange(name: string, range: string, env: NodeJS.ProcessEnv): string {
  const json = execFileSync('npm', ['view', `${name}@${range}`, 'version', '--json'], { encoding: 'utf8', env });
  return highestVersion(json);
}
