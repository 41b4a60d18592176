import { ArnFormat, Names, RemovalPolicy, Stack, aws_kms as kms, aws_logs as logs, aws_wafv2 as wafv2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** AWS managed rule groups every public service benefits from, in evaluation order. */
const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
];

/** Options of the default web ACL. */
export interface DefaultWebAclProps {
  readonly logsKey: kms.IKey;
  readonly logRetention: logs.RetentionDays;
  /** Requests per 5 minutes from one IP address before it is blocked. */
  readonly rateLimitPer5Minutes: number;
}

/**
 * A regional WAF web ACL: AWS managed rule groups (IP reputation, common attacks, known bad inputs),
 * a per-IP rate limit, and logging to an encrypted log group.
 */
export class DefaultWebAcl extends Construct {
  public readonly webAcl: wafv2.CfnWebACL;
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: DefaultWebAclProps) {
    super(scope, id);
    const metricPrefix = Names.uniqueId(this).slice(-100);
    const rules: wafv2.CfnWebACL.RuleProperty[] = MANAGED_RULE_GROUPS.map((name, index) => ({
      name,
      priority: index,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
      visibilityConfig: visibility(`${metricPrefix}-${name}`),
    }));
    rules.push({
      name: 'RateLimitPerIp',
      priority: MANAGED_RULE_GROUPS.length,
      action: { block: {} },
      statement: { rateBasedStatement: { limit: props.rateLimitPer5Minutes, aggregateKeyType: 'IP' } },
      visibilityConfig: visibility(`${metricPrefix}-RateLimitPerIp`),
    });
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      rules,
      visibilityConfig: visibility(metricPrefix),
    });
    // WAF only delivers to log groups whose name starts with aws-waf-logs-.
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `aws-waf-logs-${Names.uniqueResourceName(this, { maxLength: 400 })}`,
      encryptionKey: props.logsKey,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // WAF wants the log group ARN without the trailing ':*' that logGroupArn carries.
      logDestinationConfigs: [Stack.of(this).formatArn({
        service: 'logs',
        resource: 'log-group',
        resourceName: this.logGroup.logGroupName,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      })],
    });
  }
}

function visibility(metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty {
  return { cloudWatchMetricsEnabled: true, metricName: metricName.slice(0, 128), sampledRequestsEnabled: true };
}
