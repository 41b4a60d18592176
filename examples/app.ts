import { App } from 'aws-cdk-lib';
import { registerCompliancePacks } from './compliance/packs';
import { buildExampleApp } from './example-app';

// `cdk synth` at the repository root runs this file (see cdk.json).
const app = new App();
registerCompliancePacks(app);
buildExampleApp(app);
app.synth();
