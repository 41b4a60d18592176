#!/usr/bin/env node
import { processContext } from './cli-context';
import { runCli } from './program';

// The `cdk-reliability` bin (package.json maps it to lib/cli/main.js). Never imported by the constructs.
if (require.main === module) {
  runCli(process.argv.slice(2), processContext()).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      process.stderr.write(`cdk-reliability: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}

export { runCli };
