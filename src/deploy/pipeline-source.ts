import { aws_ecr as ecr } from 'aws-cdk-lib';

/** Where the pipeline's image comes from: an ECR repository tag. */
export interface EcrSourceOptions {
  /** The repository the image is pushed to by another process. */
  readonly repository: ecr.IRepository;
  /**
   * The tag whose pushes start the pipeline. The pipeline deploys the pushed image by digest,
   * so the running tasks stay pinned even if the tag moves later.
   * @default 'latest'
   */
  readonly tag?: string;
}

/** Where the pipeline's image comes from: a Git repository built by CodeBuild. */
export interface CodeStarConnectionSourceOptions {
  /** ARN of the CodeStar (CodeConnections) connection to the Git provider. */
  readonly connectionArn: string;
  /** Owner (user or organisation) of the Git repository. */
  readonly owner: string;
  /** Name of the Git repository. */
  readonly repo: string;
  /**
   * The branch whose pushes start the pipeline.
   * @default 'main'
   */
  readonly branch?: string;
  /**
   * The ECR repository the build pushes to, tagged with the commit id.
   * @default - a new repository with immutable tags, scan on push and KMS encryption
   */
  readonly imageRepository?: ecr.IRepository;
  /**
   * Folder of the Dockerfile, relative to the repository root.
   * @default '.'
   */
  readonly dockerBuildContext?: string;
}

/** The kind of a `PipelineSource`. */
export enum PipelineSourceKind {
  /** An ECR repository tag. */
  ECR = 'ECR',
  /** A Git repository through a CodeStar connection, built by CodeBuild. */
  CODESTAR_CONNECTION = 'CODESTAR_CONNECTION',
}

/** The source stage of a `BlueGreenPipeline`. */
export class PipelineSource {
  /** Start on a push of `tag` to an ECR repository (the default kind of source). */
  public static ecr(options: EcrSourceOptions): PipelineSource {
    return new PipelineSource(PipelineSourceKind.ECR, options, undefined);
  }

  /** Start on a push to a Git branch; CodeBuild builds the image and pushes it to ECR. */
  public static codeStarConnection(options: CodeStarConnectionSourceOptions): PipelineSource {
    return new PipelineSource(PipelineSourceKind.CODESTAR_CONNECTION, undefined, options);
  }

  /** Which kind of source this is. */
  public readonly kind: PipelineSourceKind;
  /** Options of an ECR source; undefined for other kinds. */
  public readonly ecrOptions?: EcrSourceOptions;
  /** Options of a CodeStar connection source; undefined for other kinds. */
  public readonly codeStarOptions?: CodeStarConnectionSourceOptions;

  private constructor(kind: PipelineSourceKind, ecrOptions?: EcrSourceOptions, codeStarOptions?: CodeStarConnectionSourceOptions) {
    this.kind = kind;
    this.ecrOptions = ecrOptions;
    this.codeStarOptions = codeStarOptions;
  }
}
