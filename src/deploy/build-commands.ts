/**
 * Shell commands of the pipeline's build step, kept apart from the construct so they can
 * be read and tested as text. They run on the CodeBuild standard image (bash, node, aws CLI).
 */

/** One file the build writes for one deploy stage. */
export interface ImageFileSpec {
  /** `imagedefinitions-<stage>.json`, read by the ECS deploy action. */
  readonly fileName: string;
  /** The container whose image the stage replaces. */
  readonly containerName: string;
}

/** One CodeDeploy stage: the task definition family to copy and the files to write. */
export interface CodeDeployFileSpec {
  readonly taskDefinitionFile: string;
  readonly appSpecFile: string;
  readonly taskDefinitionArn: string;
  readonly containerName: string;
  readonly containerPort: number;
}

/**
 * Node one-liner that writes `imagedefinitions-*.json` from `$IMAGE_URI` for every stage.
 * The specs come in through `$IMAGE_FILES` (JSON) so no container name is ever quoted in shell.
 */
export const WRITE_IMAGE_DEFINITIONS =
  'node -e \'const fs=require("fs");for(const s of JSON.parse(process.env.IMAGE_FILES))'
  + 'fs.writeFileSync(s.fileName,JSON.stringify([{name:s.containerName,imageUri:process.env.IMAGE_URI}]))\'';

/**
 * Writes `taskdef-*.json` (the current task definition with the image placeholder CodeDeploy
 * fills in) and `appspec-*.yaml` for every stage, from `$CODEDEPLOY_FILES` (JSON).
 */
export const WRITE_CODEDEPLOY_FILES = [
  'for row in $(node -e \'for(const s of JSON.parse(process.env.CODEDEPLOY_FILES))console.log(Buffer.from(JSON.stringify(s)).toString("base64"))\'); do',
  '  spec=$(echo "$row" | base64 -d)',
  '  arn=$(node -e \'console.log(JSON.parse(process.argv[1]).taskDefinitionArn)\' "$spec")',
  '  aws ecs describe-task-definition --task-definition "$arn" --query taskDefinition > current.json',
  '  node -e \'const fs=require("fs");const s=JSON.parse(process.argv[1]);const t=JSON.parse(fs.readFileSync("current.json","utf8"));'
  + 'for(const k of ["taskDefinitionArn","revision","status","requiresAttributes","compatibilities","registeredAt","registeredBy","deregisteredAt"])delete t[k];'
  + 'for(const c of t.containerDefinitions)if(c.name===s.containerName)c.image="<IMAGE1_NAME>";'
  + 'fs.writeFileSync(s.taskDefinitionFile,JSON.stringify(t));'
  + 'fs.writeFileSync(s.appSpecFile,["version: 0.0","Resources:","  - TargetService:","      Type: AWS::ECS::Service","      Properties:",'
  + '"        TaskDefinition: <TASK_DEFINITION>","        LoadBalancerInfo:","          ContainerName: \\""+s.containerName+"\\"","          ContainerPort: "+s.containerPort,""].join("\\n"))\' "$spec"',
  'done',
].join('\n');

/** Commands that build the Dockerfile at `$BUILD_CONTEXT` and push it tagged with the commit id, unless that tag exists. */
export const BUILD_AND_PUSH_IMAGE = [
  'TAG=$(echo "$CODEBUILD_RESOLVED_SOURCE_VERSION" | cut -c1-12)',
  'REGISTRY=$(echo "$REPOSITORY_URI" | cut -d/ -f1)',
  'aws ecr get-login-password | docker login --username AWS --password-stdin "$REGISTRY"',
  // Tags are immutable: a re-run of the same commit reuses the image it already pushed.
  'if ! aws ecr describe-images --repository-name "$REPOSITORY_NAME" --image-ids imageTag="$TAG" > /dev/null 2>&1; then'
  + ' docker build -t "$REPOSITORY_URI:$TAG" "$BUILD_CONTEXT" && docker push "$REPOSITORY_URI:$TAG"; fi',
  'DIGEST=$(aws ecr describe-images --repository-name "$REPOSITORY_NAME" --image-ids imageTag="$TAG" --query "imageDetails[0].imageDigest" --output text)',
  'export IMAGE_URI="$REPOSITORY_URI@$DIGEST"',
];

/** Commands that take the pushed image from the ECR source action's `imageDetail.json` (by digest). */
export const IMAGE_FROM_ECR_SOURCE = [
  'export IMAGE_URI=$(node -e \'console.log(require("./imageDetail.json").ImageURI)\')',
];
