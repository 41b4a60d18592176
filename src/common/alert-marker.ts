import { CfnResource, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ALERT_METADATA_KEY, AlertMark } from './alert-metadata-format';

/**
 * Who an alarm of the library wakes up, written on its CloudFormation resource as template metadata
 * (`Metadata["cdk-reliability:alert"] = "PAGE" | "TICKET"`). The constructs mark their page and ticket
 * alarms here instead of exposing each one, so on-call routing finds every alarm of a scope in one
 * walk of the construct tree, and the CLI (which never imports constructs) finds the paging alarms
 * in the synthesized templates.
 */
export { AlertMark };

/** Marks a library alarm as a page or a ticket; an alarm without a CloudFormation resource is left alone. */
export function markAlert(alarm: cloudwatch.IAlarm, severity: AlertMark): void {
  const resource = alarm.node.defaultChild;
  if (resource && CfnResource.isCfnResource(resource)) resource.addMetadata(ALERT_METADATA_KEY, severity);
}

/** The mark of a CloudFormation alarm resource, if the library marked it. */
export function alertMarkOf(construct: IConstruct): AlertMark | undefined {
  if (!CfnResource.isCfnResource(construct)) return undefined;
  const value = construct.getMetadata(ALERT_METADATA_KEY);
  return value === 'PAGE' || value === 'TICKET' ? value : undefined;
}
