import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { IMPORT_WORKER_ENTRY } from '../../functions/routes.ts';
import { ApiFunction } from './api-function.ts';
import type { TenantDataRole } from './tenant-data-role.ts';
import type { HistoryKey } from './history-key.ts';

export interface ImportWorkerProps {
  tableName: string;
  tenantDataRole: TenantDataRole;
  /** Each imported case's history entry is keyed: the worker derives the tenant's chain key. */
  historyKey: HistoryKey;
}

/**
 * The register import worker (`functions/imports/import-worker.ts`): invoked asynchronously by the import
 * routes, it works a job for up to 15 minutes with the tenant data role of the job's tenant, like any route.
 */
export class ImportWorker extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: ImportWorkerProps) {
    super(scope, id);
    const { fn, role } = new ApiFunction(this, 'Worker', {
      entry: IMPORT_WORKER_ENTRY,
      environment: { SANAD_TABLE: props.tableName, SANAD_TENANT_ROLE_ARN: props.tenantDataRole.role.roleArn },
      timeout: Duration.minutes(15),
      memorySize: 1024,
    });
    props.tenantDataRole.grantAssumeWithTenantTag(role);
    props.historyKey.allowDeriveFrom(fn, role);
    // A failed run keeps its progress; the next GET of the job invokes the worker again, so no blind retries.
    fn.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.hours(1) });
    this.fn = fn;
  }

  /** Lets an import route start the worker: its name in the environment, and invoke permission on it alone. */
  allowStartFrom(starter: NodejsFunction, starterRole: iam.IGrantable): void {
    starter.addEnvironment('SANAD_IMPORT_WORKER_FUNCTION', this.fn.functionName);
    // Routes share roles by permission profile: the role is granted once.
    if (this.starterRoles.has(starterRole)) return;
    this.starterRoles.add(starterRole);
    // The function itself, not `grantInvoke`'s `<arn>:*` (every version and alias): the routes invoke $LATEST.
    starterRole.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.fn.functionArn] }));
  }

  private readonly starterRoles = new Set<iam.IGrantable>();
}
