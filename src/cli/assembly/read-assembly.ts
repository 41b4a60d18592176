import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from '../errors';
import {
  AssemblyStack, CfnTemplate, CloudAssembly, MetadataEntry, PluginReport, ValidationReport,
} from './cloud-assembly';
import { isRecord, readJsonFile } from './json-file';

export const VALIDATION_REPORT_FILE = 'validation-report.json';
const STACK_ARTIFACT = 'aws:cloudformation:stack';
const NESTED_ASSEMBLY_ARTIFACT = 'cdk:cloud-assembly';

/**
 * Reads a cloud assembly directory: every stack's template and construct metadata,
 * nested assemblies (CDK stages) included, and the validation report.
 */
export function readCloudAssembly(directory: string): CloudAssembly {
  const dir = path.resolve(directory);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new UsageError(`Cloud assembly not found: ${dir} is not a directory. Run 'cdk synth' first or pass the assembly directory (default: cdk.out).`);
  }
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new UsageError(`Cloud assembly not found: ${dir} has no manifest.json. Run 'cdk synth' first or pass the assembly directory (default: cdk.out).`);
  }
  return {
    directory: dir,
    stacks: readStacks(dir),
    validationReport: readValidationReport(dir),
  };
}

function readStacks(dir: string): AssemblyStack[] {
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = readJsonFile(manifestFile, 'Cloud assembly manifest');
  if (!isRecord(manifest)) throw new UsageError(`Cloud assembly manifest ${manifestFile} is not a JSON object`);
  const artifacts = isRecord(manifest.artifacts) ? manifest.artifacts : {};
  const stacks: AssemblyStack[] = [];
  for (const [artifactId, artifact] of Object.entries(artifacts)) {
    if (!isRecord(artifact)) continue;
    const properties = isRecord(artifact.properties) ? artifact.properties : {};
    if (artifact.type === NESTED_ASSEMBLY_ARTIFACT && typeof properties.directoryName === 'string') {
      stacks.push(...readStacks(path.join(dir, properties.directoryName)));
    } else if (artifact.type === STACK_ARTIFACT && typeof properties.templateFile === 'string') {
      stacks.push({
        ...readStack(dir, artifactId, artifact, properties.templateFile),
        stackName: typeof properties.stackName === 'string' ? properties.stackName : artifactId,
      });
    }
  }
  return stacks;
}

function readStack(dir: string, artifactId: string, artifact: Record<string, unknown>, templateFile: string): Omit<AssemblyStack, 'stackName'> {
  const file = path.join(dir, templateFile);
  const template = readJsonFile(file, `Template of stack ${artifactId}`);
  if (!isRecord(template)) throw new UsageError(`Template of stack ${artifactId} (${file}) is not a JSON object`);
  const metadata: Record<string, MetadataEntry[]> = {};
  addMetadata(metadata, artifact.metadata);
  if (typeof artifact.additionalMetadataFile === 'string') {
    addMetadata(metadata, readJsonFile(path.join(dir, artifact.additionalMetadataFile), `Metadata of stack ${artifactId}`));
  }
  const environment = typeof artifact.environment === 'string' ? artifact.environment : undefined;
  return {
    artifactId,
    displayName: typeof artifact.displayName === 'string' ? artifact.displayName : artifactId,
    environment,
    region: concreteRegion(environment),
    templateFile: file,
    template: template as CfnTemplate,
    metadata,
    constructPaths: constructPathsOf(template as CfnTemplate, metadata),
  };
}

function addMetadata(into: Record<string, MetadataEntry[]>, source: unknown): void {
  if (!isRecord(source)) return;
  for (const [constructPath, entries] of Object.entries(source)) {
    if (!Array.isArray(entries)) continue;
    const valid = entries.filter((e): e is MetadataEntry => isRecord(e) && typeof e.type === 'string');
    into[constructPath] = [...(into[constructPath] ?? []), ...valid];
  }
}

/** `aws://111111111111/us-east-1` → `us-east-1`; `unknown-region` is not a Region. */
function concreteRegion(environment: string | undefined): string | undefined {
  const region = environment?.split('/').pop();
  return region && region !== 'unknown-region' ? region : undefined;
}

/**
 * Logical id → construct path. The template's `aws:cdk:path` is there unless path metadata
 * was disabled; the metadata file's `aws:cdk:logicalId` entries cover the rest.
 */
function constructPathsOf(template: CfnTemplate, metadata: Record<string, MetadataEntry[]>): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const [constructPath, entries] of Object.entries(metadata)) {
    for (const entry of entries) {
      if (entry.type === 'aws:cdk:logicalId' && typeof entry.data === 'string') {
        paths[entry.data] = constructPath.replace(/^\//, '');
      }
    }
  }
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const cdkPath = isRecord(resource.Metadata) ? resource.Metadata['aws:cdk:path'] : undefined;
    if (typeof cdkPath === 'string') paths[logicalId] = cdkPath;
  }
  return paths;
}

/** The report aws-cdk-lib writes when policy-validation plugins are registered; both its schemas are read. */
function readValidationReport(dir: string): ValidationReport | undefined {
  const file = path.join(dir, VALIDATION_REPORT_FILE);
  if (!fs.existsSync(file)) return undefined;
  const report = readJsonFile(file, 'Validation report');
  if (!isRecord(report) || !Array.isArray(report.pluginReports)) {
    throw new UsageError(`Validation report ${file} has no pluginReports array`);
  }
  const pluginReports: PluginReport[] = report.pluginReports.filter(isRecord).map((r) => {
    // The legacy schema names the plugin under summary.pluginName.
    const summary = isRecord(r.summary) ? r.summary : {};
    const pluginName = typeof r.pluginName === 'string' ? r.pluginName : String(summary.pluginName ?? '(unnamed plugin)');
    return { ...(r as unknown as PluginReport), pluginName };
  });
  return { pluginReports };
}
