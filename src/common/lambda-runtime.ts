import { aws_lambda as lambda } from 'aws-cdk-lib';

/**
 * cdk-nag's AwsSolutions-L1 (LambdaLatestVersion) wants every function on the newest runtime of
 * its family *as the installed aws-cdk-lib knows it* (`lambda.Runtime.ALL`). A library that pins
 * a runtime breaks its users' synth on the next aws-cdk-lib release that adds one (2.278 added
 * nodejs26.x), so the library's own functions take the runtime from here instead.
 *
 * The ordering below is cdk-nag's, step for step: family = the runtime names that start with the
 * family string; version = the digits after the family letters ('0' when there are none, as for
 * the variable entry `nodejs`); sort by `localeCompare` with `numeric: true`; take the last.
 */
const RUNTIME_NAME = /^([a-z]+)(\d+(\.?\d+|\.x)?)?.*$/;

/**
 * The name cdk-nag considers the latest runtime of `family` among `names`, or undefined when
 * no name belongs to the family. Pure: no aws-cdk-lib types.
 */
export function latestRuntimeName(family: string, names: readonly string[]): string | undefined {
  const versions = names
    .filter((name) => name.indexOf(family) === 0)
    .map((name) => ({ name, version: name.match(RUNTIME_NAME)?.[2] ?? '0' }))
    .sort((a, b) => a.version.localeCompare(b.version, undefined, { numeric: true, sensitivity: 'base' }));
  return versions.pop()?.name;
}

/**
 * The newest Node.js runtime of the installed aws-cdk-lib, the one AwsSolutions-L1 accepts.
 * Library handlers that use it must run on any Node.js from 18 on (plain CommonJS, no bundling).
 */
export function latestNodejsRuntime(): lambda.Runtime {
  const name = latestRuntimeName('nodejs', lambda.Runtime.ALL.map((runtime) => runtime.name));
  const runtime = lambda.Runtime.ALL.find((candidate) => candidate.name === name);
  if (!runtime) {
    // Only an aws-cdk-lib without any Node.js runtime gets here, which the peer range excludes.
    throw new Error('cdk-reliability: the installed aws-cdk-lib lists no Node.js Lambda runtime');
  }
  return runtime;
}
