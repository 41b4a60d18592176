import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { App, Validations } from 'aws-cdk-lib';
import {
  AwsSolutionsChecks,
  HIPAASecurityChecks,
  NIST80053R5Checks,
  PCIDSS321Checks,
  ServerlessChecks,
} from 'cdk-nag';
import { ReliabilityChecks } from '../../src';

/** The names of the plugins every example must pass, as they appear in validation-report.json. */
export const COMPLIANCE_PLUGIN_NAMES = [
  'AwsSolutions',
  'NIST.800.53.R5',
  'HIPAA.Security',
  'PCI.DSS.321',
  'Serverless',
  'cdk-validator-cfnguard',
  'CloudFormation Validate',
  'Reliability',
] as const;

/**
 * Registers every compliance pack as a policy-validation plugin on the app.
 *
 * aws-cdk-lib's own "CloudFormation Validate" plugin registers itself; it is listed
 * in COMPLIANCE_PLUGIN_NAMES because its findings count like any other. ReliabilityChecks is
 * this library's own pack.
 */
export function registerCompliancePacks(app: App): void {
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app),
    new NIST80053R5Checks(app),
    new HIPAASecurityChecks(app),
    new PCIDSS321Checks(app),
    new ServerlessChecks(app),
    new CfnGuardValidator(),
    new ReliabilityChecks(app),
  );
}
