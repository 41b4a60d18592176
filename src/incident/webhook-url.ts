import { Token, aws_secretsmanager as secretsmanager } from 'aws-cdk-lib';
import { propError } from '../common/errors';

/**
 * Where a paging webhook's URL comes from. The URL of a paging service carries its integration key,
 * so it never appears in the template: the subscription's endpoint is a CloudFormation dynamic
 * reference that CloudFormation resolves at deploy time ("Get values stored in other services using
 * dynamic references"; a `secretsmanager` reference may be used in any resource property).
 */
export class WebhookUrl {
  /**
   * The URL stored in a Secrets Manager secret (preferred: encrypted, access-controlled, audited).
   *
   * @param secret the secret holding the URL
   * @param jsonField the key of the URL when the secret is a JSON object; omit when the whole secret string is the URL
   */
  public static fromSecretsManager(secret: secretsmanager.ISecret, jsonField?: string): WebhookUrl {
    const value = jsonField === undefined ? secret.secretValue : secret.secretValueFromJson(jsonField);
    return new WebhookUrl(value.unsafeUnwrap(), 'a Secrets Manager secret', jsonField === undefined ? undefined : { prop: 'jsonField', value: jsonField });
  }

  /**
   * The URL stored in a Systems Manager Parameter Store String parameter. CloudFormation's `ssm-secure`
   * references are not accepted by SNS subscriptions, so the parameter is a plain String: anyone who may
   * read the parameter reads the URL. Prefer `fromSecretsManager`.
   *
   * @param parameterName the parameter's name, e.g. `/oncall/pagerduty-url`
   */
  public static fromSsmParameter(parameterName: string): WebhookUrl {
    return new WebhookUrl(`{{resolve:ssm:${parameterName}}}`, 'an SSM parameter', { prop: 'parameterName', value: parameterName });
  }

  private constructor(
    /** The subscription endpoint: a dynamic reference, never the URL itself. */
    public readonly endpoint: string,
    /** Where the URL is kept, for messages. */
    public readonly source: string,
    private readonly input?: { readonly prop: string; readonly value: string },
  ) {}

  /** @internal Checks the name given to the factory; `prop` is where the URL sits in the props. */
  public _validate(owner: string, prop: string): void {
    if (!this.input || Token.isUnresolved(this.input.value)) return;
    const { prop: field, value } = this.input;
    if (field === 'parameterName' && !/^\/?[a-zA-Z0-9_.\-/]{1,2011}$/.test(value)) {
      throw propError(owner, `${prop}.${field}`, 'be an SSM parameter name (letters, digits, _ . - /)', value);
    }
    if (field === 'jsonField' && (value.length === 0 || value.includes(':'))) {
      throw propError(owner, `${prop}.${field}`, 'be a non-empty JSON key without ":" (a dynamic reference cannot hold one)', value);
    }
  }
}
