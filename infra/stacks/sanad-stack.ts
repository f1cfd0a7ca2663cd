import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { DataTable } from '../constructs/data-table.ts';
import { TenantDataRole } from '../constructs/tenant-data-role.ts';
import { UserPool } from '../constructs/user-pool.ts';
import { HttpApi } from '../constructs/http-api.ts';
import { WebHosting } from '../constructs/web-hosting.ts';

/** Sanad in one region: data, identity, API and web, composed from one construct each. */
export class SanadStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const data = new DataTable(this, 'Data');
    // Tenant ids never start with "_": those tags belong to the control plane and its own role.
    const tenantData = new TenantDataRole(this, 'TenantData', { table: data.table, refusedTenantTags: '_*' });
    const registry = new TenantDataRole(this, 'Registry', {
      table: data.table,
      leadingKeys: 'T#_platform#*',
      description: 'Sanad tenant registry (control plane), fenced by dynamodb:LeadingKeys to T#_platform#',
    });
    const users = new UserPool(this, 'Users');
    const api = new HttpApi(this, 'Api', { tableName: data.table.tableName, tenantDataRole: tenantData, registryRole: registry, userPool: users });
    const web = new WebHosting(this, 'Web', { api: api.api, userPoolClientId: users.spaClient.userPoolClientId });

    // CDK's own helper functions (bucket deployment, log retention) are not ours to shape.
    NagSuppressions.addStackSuppressions(this, [
      { id: 'AwsSolutions-L1', reason: 'CDK-provided custom-resource functions pin their own runtime; ours are nodejs22.x.' },
      { id: 'AwsSolutions-IAM4', reason: 'CDK-provided custom-resource functions use AWSLambdaBasicExecutionRole for their logs.' },
      { id: 'AwsSolutions-IAM5', reason: 'BucketDeployment needs object wildcards on the site bucket and CloudFront invalidation.' },
    ]);
    new CfnOutput(this, 'Url', { value: `https://${web.distribution.distributionDomainName}` });
    new CfnOutput(this, 'UserPoolId', { value: users.pool.userPoolId });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
  }
}
