import { awscdk, javascript, JsonFile } from 'projen';
import { TypescriptConfig, UpdateSnapshot } from 'projen/lib/javascript';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-reliability',
  description: 'AWS CDK constructs that turn SRE work into code: reliable services, SLO burn-rate alerting, guarded deployments, tested backups, self-stopping chaos experiments and a reliability rule pack.',
  author: 'cdk-reliability maintainers',
  authorAddress: 'maintainers@cdk-reliability.dev',
  repositoryUrl: 'https://github.com/cdk-reliability/cdk-reliability.git',
  keywords: ['cdk', 'sre', 'slo', 'reliability', 'cdk-nag', 'chaos', 'backup', 'blue-green'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  jsiiVersion: '~6.0.0',
  cdkVersion: '2.276.0',
  constructsVersion: '10.8.1',
  minNodeVersion: '20.0.0',

  // cdk-nag is a jsii module: ReliabilityChecks extends its NagPack, so users bring their own copy.
  peerDeps: ['cdk-nag@^3.0.2'],
  // The CLI's runtime needs; bundled because they are not jsii modules (REFERENCE.md). Never imported by constructs.
  bundledDeps: ['@aws-sdk/client-cloudwatch@^3.1164.0', '@aws-sdk/client-ecs@^3.1164.0', '@aws-sdk/client-fis@^3.523.0', 'commander@^14.0.0', 'escape-html@^1.0.3', 'cli-progress@^3.12.0'],
  devDeps: [
    'cdk-nag@^3.0.2',
    '@cdklabs/cdk-validator-cfnguard@^0.0.62',
    'aws-cdk@^2.1148.1',
    '@aws-cdk/integ-runner@^2.197.10',
    '@aws-cdk/integ-tests-alpha@2.245.0-alpha.0',
    '@types/escape-html',
    '@types/cli-progress',
    // Browser test of the HTML report, against Debian's chromium (never a downloaded browser).
    'playwright-core@^1.65.1',
  ],

  // The CLI (src/cli/main.ts, compiled by jsii to lib/); never imported by the constructs.
  bin: { 'cdk-reliability': 'lib/cli/main.js' },

  jestOptions: {
    // Snapshots change only on purpose: `npx projen test:update`.
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      testTimeout: 120_000,
      // V8 coverage records every function of aws-cdk-lib and cdk-nag as well: it made the suite
      // 3.5x slower. Babel instruments only our own files.
      coverageProvider: 'babel',
      // Jest's default leaves one core idle; on CI's 2 cores both are needed.
      maxWorkers: '100%',
    },
  },

  githubOptions: { mergify: false },
  buildWorkflow: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,

  gitignore: ['cdk.out/', '/reliability-report/', '*.tsbuildinfo', '/bench/out/', '/test/cdk-integ.out.*'],
  npmIgnoreOptions: { ignorePatterns: ['/examples/', '/bench/', '/cdk.json', '/cdk.context.json', '/.ci/'] },
  eslintOptions: { dirs: ['src'], devdirs: ['test', 'examples', 'bench', 'scripts', 'projenrc', '.projenrc.ts'] },
});

// Same as projen's test:update, spelled `-u` so no task line reads like the auto-updating default
// (the test task itself runs `jest --ci`, which never writes snapshots).
project.tasks.tryFind('test:update')!.reset('jest -u --passWithNoTests --ci', { receiveArgs: true });

// Integration snapshots (test/integ.*.ts) are checked without an AWS account: a changed snapshot fails.
// scripts/integ-snapshots.ts says why this is not integ-runner's snapshot mode (schema 53 vs 55).
project.addTask('integ', {
  description: 'Check the integ test snapshots (no deployment)',
  exec: 'ts-node --project tsconfig.dev.json --transpile-only scripts/integ-snapshots.ts check',
  receiveArgs: true,
});
project.addTask('integ:update', {
  description: 'Re-synthesize the integ test snapshots without deploying',
  exec: 'ts-node --project tsconfig.dev.json --transpile-only scripts/integ-snapshots.ts update',
  receiveArgs: true,
});
project.testTask.spawn(project.tasks.tryFind('integ')!);

// One config for everything that runs with ts-node (example app, benchmarks): src is jsii-compiled on its own.
new TypescriptConfig(project, {
  fileName: 'tsconfig.dev.json',
  extends: javascript.TypescriptConfigExtends.fromPaths(['./tsconfig.json']),
  compilerOptions: { rootDir: '.', noEmit: true, noUnusedLocals: false },
  include: ['src/**/*.ts', 'test/**/*.ts', 'examples/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
  // The consumer app is type-checked where it runs: in its own npm project, against the installed tarball.
  exclude: ['node_modules', 'cdk.out', 'test/**/*.snapshot/**', 'scripts/consumer-smoke/app/**'],
});

// eslint's project service looks for the nearest tsconfig.json of each file.
for (const dir of ['examples', 'bench', 'scripts']) {
  new TypescriptConfig(project, {
    fileName: `${dir}/tsconfig.json`,
    extends: javascript.TypescriptConfigExtends.fromPaths(['../tsconfig.dev.json']),
    compilerOptions: {},
    include: ['**/*.ts', '../src/**/*.ts'],
    exclude: dir === 'scripts' ? ['node_modules', 'consumer-smoke/app/**'] : ['node_modules'],
  });
}
// It imports 'cdk-reliability', which resolves only inside the consumer project.
project.eslint?.addIgnorePattern('scripts/consumer-smoke/app/');

// jsii compiles only .ts: the pre-traffic hook's plain-JS Lambda handler is copied next to its construct.
// Part of compile itself, not post-compile: `compile` then `package:js` (the publishing path) must ship it.
project.compileTask.exec('mkdir -p lib/deploy/pre-traffic-check && cp src/deploy/pre-traffic-check/index.js lib/deploy/pre-traffic-check/');
// Every packaging path refuses a tarball without the handler, the CLI or its bundled dependencies.
project.tasks.tryFind('package:js')!.exec('ts-node --project tsconfig.dev.json --transpile-only scripts/consumer-smoke/check-tarball.ts dist/js');

// README examples must compile against the built assembly (fixture: rosetta/default.ts-fixture).
project.postCompileTask.exec('jsii-rosetta extract --fail --compile .jsii');
project.gitignore.exclude('.jsii.tabl.json');
project.npmignore?.exclude('/rosetta/');

// cdk.json makes `cdk synth` at the root synthesize the example app.
new JsonFile(project, 'cdk.json', {
  obj: {
    app: 'npx ts-node --project tsconfig.dev.json --prefer-ts-exts examples/app.ts',
    output: 'cdk.out',
    context: {
      '@aws-cdk/core:validationReportJson': true,
    },
  },
});

project.addTask('acknowledgements:update', {
  description: 'Rewrite the acknowledgement table of docs/acknowledgements.md from the example app',
  exec: 'ts-node --project tsconfig.dev.json --transpile-only examples/update-acknowledgements.ts',
});

// The main job: synthesize the example app under every compliance pack, then write the report.
project.addTask('reliability-report', {
  description: 'Synthesize the example app with every compliance pack and write the reliability report',
  steps: [
    { exec: 'cdk synth --quiet --output cdk.out' },
    // Writes reliability-report/reliability-report.{html,md,json}, prints the paths, exits 1 on an open finding.
    { exec: 'ts-node --project tsconfig.dev.json --transpile-only src/cli/main.ts report cdk.out --out reliability-report' },
  ],
});

// A new user's first app, outside the repository: the packed tarball installed with npm, synthesized
// with AwsSolutions and ReliabilityChecks on the locked and on the newest peer versions, then the CLI.
project.addTask('consumer-smoke', {
  description: 'Install the packed tarball into a fresh CDK app (locked and newest peer versions), synthesize it and run the CLI',
  exec: 'ts-node --project tsconfig.dev.json --transpile-only scripts/consumer-smoke/main.ts',
  receiveArgs: true,
});

// The example app under every compliance pack on the newest aws-cdk-lib, constructs and cdk-nag the peer
// ranges admit (a user's npm picks them, not our lockfile), then the locked versions are put back.
const peerSpecs = 'ts-node --project tsconfig.dev.json --transpile-only scripts/consumer-smoke/peer-specs.ts';
project.addTask('compliance:newest', {
  description: 'Run the example app\'s compliance test on the newest peer versions in range, then restore the locked ones',
  steps: [
    { exec: `npm install --no-save --no-audit --no-fund $(${peerSpecs})` },
    // The example app, the runtime of the library's Lambda, and the aws-cdk-lib internals the report's plugin record reads.
    { exec: 'jest --ci --coverage=false test/examples/compliance.test.ts test/common/lambda-runtime.test.ts test/nag/plugin-manifest.test.ts' },
    { exec: `npm install --no-save --no-audit --no-fund $(${peerSpecs} --locked)` },
  ],
});

project.synth();
