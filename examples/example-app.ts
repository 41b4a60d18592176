import { App, Environment } from 'aws-cdk-lib';
import { AlertingStack } from './stacks/alerting-stack';

/** Where the example deploys: a fixed account and Region so the templates are deterministic. */
export const EXAMPLE_ENV: Environment = { account: '111111111111', region: 'us-east-1' };

/** The stacks of the example app; tests build the same app in memory. */
export function buildExampleApp(app: App): void {
  new AlertingStack(app, 'Alerting', { env: EXAMPLE_ENV });
}
