import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { NagSuppressions } from 'cdk-nag';
import { REPO_ROOT } from '../repo-root.ts';
import { LAMBDA_BUNDLE, LAMBDA_NODE_OPTIONS } from './lambda-bundle.ts';

/** esbuild's format names as CDK's enum. */
const CDK_OUTPUT_FORMAT = { cjs: OutputFormat.CJS, esm: OutputFormat.ESM } as const;

export interface ApiFunctionProps {
  /** Handler module, relative to `functions/`; it exports `handler`. */
  entry: string;
  /** Added to the defaults (service name, source maps). */
  environment?: Record<string, string>;
  /** Libraries the handler loads from /opt at run time instead of bundling (the spreadsheet layer). */
  layers?: lambda.ILayerVersion[];
  /** Default 10 s (an API request); background workers run longer. */
  timeout?: Duration;
  /** Default 512 MB. */
  memorySize?: number;
  /**
   * An execution role shared with functions of the same permissions (the HTTP API's routes: one role per
   * permission profile keeps the stack under CloudFormation's 500 resources). Default: a role of its own.
   */
  role?: iam.Role;
}

/** The role of an ApiFunction: may write traces; each function using it adds write access to its own log group. */
export function functionRole(scope: Construct, id: string): iam.Role {
  return new iam.Role(scope, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
}

/** Once the role's policy exists (a suppression applies to the children present when it is added). */
export function allowTracing(role: iam.Role): void {
  NagSuppressions.addResourceSuppressions(role, [
    { id: 'AwsSolutions-IAM5', reason: 'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.', appliesTo: ['Resource::*'] },
  ], true);
}

/**
 * A Lambda handler with Sanad's defaults: Node 22 on arm64, bundled as `LAMBDA_BUNDLE` says (minified CommonJS
 * with source maps), one-year logs, active tracing. Its execution role may write its log group and traces,
 * nothing else: whoever composes the function grants the rest.
 */
export class ApiFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_YEAR });
    // A role of Sanad's instead of AWSLambdaBasicExecutionRole: that policy may write to every log group.
    this.role = props.role ?? functionRole(this, 'Role');
    logGroup.grantWrite(this.role);
    this.fn = new NodejsFunction(this, 'Fn', {
      entry: join(REPO_ROOT, 'functions', props.entry),
      handler: 'handler',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      role: this.role,
      logGroup,
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      environment: { POWERTOOLS_SERVICE_NAME: 'sanad', NODE_OPTIONS: LAMBDA_NODE_OPTIONS, ...props.environment },
      layers: props.layers,
      bundling: {
        format: CDK_OUTPUT_FORMAT[LAMBDA_BUNDLE.format],
        target: LAMBDA_BUNDLE.target,
        minify: LAMBDA_BUNDLE.minify,
        sourceMap: LAMBDA_BUNDLE.sourcemap,
        sourcesContent: LAMBDA_BUNDLE.sourcesContent,
        mainFields: [...LAMBDA_BUNDLE.mainFields],
        externalModules: [...LAMBDA_BUNDLE.external],
        define: LAMBDA_BUNDLE.define,
        banner: LAMBDA_BUNDLE.banner,
      },
    });
    NagSuppressions.addResourceSuppressions(this.fn, [
      { id: 'AwsSolutions-L1', reason: 'Sanad pins nodejs22.x (DESIGN.md): the handlers are built and tested for Node 22; moving to a newer runtime is a deliberate upgrade, not a drift.' },
    ]);
    if (!props.role) allowTracing(this.role);
  }
}
