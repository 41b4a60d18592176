import { Stack, aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { DefaultWebAcl } from '../../src/service/default-web-acl';

describe('DefaultWebAcl', () => {
  const stack = new Stack(undefined, 'S', { env: { account: '111111111111', region: 'eu-west-1' } });
  new DefaultWebAcl(stack, 'Waf', { logsKey: new kms.Key(stack, 'Key'), logRetention: logs.RetentionDays.ONE_WEEK, rateLimitPer5Minutes: 500 });
  const template = Template.fromStack(stack);

  test('managed rule groups in order, then the rate limit', () => {
    const acl = Object.values(template.findResources('AWS::WAFv2::WebACL'))[0];
    expect(acl.Properties.Rules.map((r: { Name: string; Priority: number }) => [r.Priority, r.Name])).toEqual([
      [0, 'AWSManagedRulesAmazonIpReputationList'],
      [1, 'AWSManagedRulesCommonRuleSet'],
      [2, 'AWSManagedRulesKnownBadInputsRuleSet'],
      [3, 'RateLimitPerIp'],
    ]);
    expect(acl.Properties.Rules[3].Statement.RateBasedStatement.Limit).toBe(500);
    expect(acl.Properties.DefaultAction).toEqual({ Allow: {} });
  });

  test('logs to an aws-waf-logs- group, by ARN without the trailing :*', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: Match.stringLikeRegexp('^aws-waf-logs-'), RetentionInDays: 7 });
    const cfg = Object.values(template.findResources('AWS::WAFv2::LoggingConfiguration'))[0];
    const arn = JSON.stringify(cfg.Properties.LogDestinationConfigs);
    expect(arn).toContain(':log-group:');
    expect(arn).not.toContain(':*');
  });
});
