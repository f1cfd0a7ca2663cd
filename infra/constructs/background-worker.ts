import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { ApiFunction } from './api-function.ts';
import type { TenantDataRole } from './tenant-data-role.ts';
import type { HistoryKey } from './history-key.ts';

/** What a particular worker's construct is given: the deployment's parts, not its own entry and variable. */
export type WorkerDeploymentProps = Omit<BackgroundWorkerProps, 'entry' | 'startVariable'>;

export interface BackgroundWorkerProps {
  /** The worker's handler module, relative to `functions/`. */
  entry: string;
  /** The environment variable that names the worker to the functions that start it. */
  startVariable: string;
  tableName: string;
  tenantDataRole: TenantDataRole;
  /** The cases it writes get history entries: the worker derives the tenant's chain key. */
  historyKey: HistoryKey;
}

/**
 * A resumable background job's worker (the register import, the unit-move recount): invoked asynchronously by
 * the routes that start or resume a job, it works the job for up to 15 minutes with the tenant data role of
 * the job's tenant, like any route. A failed run keeps its progress and is invoked again by the next request
 * that finds the job's lease run out, so there are no blind retries.
 */
export class BackgroundWorker extends Construct {
  readonly fn: NodejsFunction;
  private readonly startVariable: string;
  private readonly starterRoles = new Set<iam.IGrantable>();

  constructor(scope: Construct, id: string, props: BackgroundWorkerProps) {
    super(scope, id);
    const { fn, role } = new ApiFunction(this, 'Worker', {
      entry: props.entry,
      environment: { SANAD_TABLE: props.tableName, SANAD_TENANT_ROLE_ARN: props.tenantDataRole.role.roleArn },
      timeout: Duration.minutes(15),
      memorySize: 1024,
    });
    props.tenantDataRole.grantAssumeWithTenantTag(role);
    props.historyKey.allowDeriveFrom(fn, role);
    fn.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.hours(1) });
    this.fn = fn;
    this.startVariable = props.startVariable;
  }

  /** Lets a route start the worker: its name in the environment, and invoke permission on it alone. */
  allowStartFrom(starter: NodejsFunction, starterRole: iam.IGrantable): void {
    starter.addEnvironment(this.startVariable, this.fn.functionName);
    // Routes share roles by permission profile: the role is granted once.
    if (this.starterRoles.has(starterRole)) return;
    this.starterRoles.add(starterRole);
    // The function itself, not `grantInvoke`'s `<arn>:*` (every version and alias): the routes invoke $LATEST.
    starterRole.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.fn.functionArn] }));
  }
}
