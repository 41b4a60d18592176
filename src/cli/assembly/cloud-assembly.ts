/**
 * The parts of a cloud assembly (cdk.out) the CLI reads, as plain data.
 * Shapes follow @aws-cdk/cloud-assembly-schema, narrowed to what the commands use.
 */

/** One resource of a CloudFormation template. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
}

export interface CfnTemplate {
  readonly Resources?: Record<string, CfnResource>;
  readonly Metadata?: Record<string, unknown>;
}

/** One metadata entry of a construct (from `<stack>.metadata.json` or the manifest). */
export interface MetadataEntry {
  readonly type: string;
  readonly data?: unknown;
}

export interface AssemblyStack {
  /** The artifact id in manifest.json, e.g. `Alerting` or `Stage-Alerting`. */
  readonly artifactId: string;
  /** The name the stack deploys as (displayName, else the artifact id). */
  readonly displayName: string;
  /** The CloudFormation stack name (`Stage-Stack` for a stack in a stage), for AWS CLI commands. */
  readonly stackName?: string;
  /** `aws://account/region`, when the stack is environment-specific. */
  readonly environment?: string;
  /** The Region part of the environment, if concrete. */
  readonly region?: string;
  readonly templateFile: string;
  readonly template: CfnTemplate;
  /** Construct path (with leading slash, as CDK writes it) → metadata entries. */
  readonly metadata: Record<string, MetadataEntry[]>;
  /** Logical id → construct path (without leading slash), from resource metadata. */
  readonly constructPaths: Record<string, string>;
}

/** A violation as aws-cdk-lib writes it to validation-report.json. */
export interface ReportViolation {
  readonly ruleName: string;
  readonly description?: string;
  readonly suggestedFix?: string;
  readonly fix?: string;
  readonly severity?: string;
  readonly customSeverity?: string;
  readonly violatingConstructs?: Array<{ readonly constructPath?: string; readonly constructFqn?: string }>;
  readonly acknowledgedId?: string;
  readonly reason?: string;
}

export interface PluginReport {
  readonly pluginName: string;
  readonly conclusion?: string;
  readonly violations?: ReportViolation[];
  readonly suppressedViolations?: ReportViolation[];
  readonly metadata?: Record<string, string>;
}

export interface ValidationReport {
  readonly pluginReports: PluginReport[];
}

export interface CloudAssembly {
  /** Absolute path of the assembly directory. */
  readonly directory: string;
  /** Every stack, nested assemblies (stages) included, in manifest order. */
  readonly stacks: AssemblyStack[];
  /** The policy-validation report, absent when no plugin ran at synth. */
  readonly validationReport?: ValidationReport;
}
