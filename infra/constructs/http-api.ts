import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { NagSuppressions } from 'cdk-nag';
import { ROUTES } from '../../functions/routes.ts';
import { ApiFunction } from './api-function.ts';
import type { TenantDataRole } from './tenant-data-role.ts';
import type { UserPool } from './user-pool.ts';

export interface HttpApiProps {
  tableName: string;
  tenantDataRole: TenantDataRole;
  /** The control plane's role: the tenant registry only (`T#_platform#*`). */
  registryRole: TenantDataRole;
  userPool: UserPool;
}

/** What an account-managing function may do in Cognito, and nothing more. */
const ACCOUNT_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminResetUserPassword',
];

/** The HTTP API: one function and one route per entry of the shared route table, JWT-checked by Cognito. */
export class HttpApi extends Construct {
  readonly api: apigw.HttpApi;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_YEAR });
    this.api = new apigw.HttpApi(this, 'Api', { description: 'Sanad API', createDefaultStage: false });
    const stage = this.api.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 200, burstLimit: 400 },
    });
    const cfnStage = stage.node.defaultChild as apigw.CfnStage;
    cfnStage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status', latency: '$context.responseLatency', sourceIp: '$context.identity.sourceIp' }),
    };
    const authorizer = new HttpJwtAuthorizer('Cognito', props.userPool.issuerUrl, {
      jwtAudience: [props.userPool.spaClient.userPoolClientId],
    });

    for (const route of ROUTES) {
      const id = `${route.method}${route.path.replace(/[^A-Za-z0-9]/g, '-')}`;
      const { fn } = new ApiFunction(this, id, {
        entry: route.entry,
        environment: {
          ...(route.tenantData ? { SANAD_TABLE: props.tableName, SANAD_TENANT_ROLE_ARN: props.tenantDataRole.role.roleArn } : {}),
          ...(route.controlPlane ? { SANAD_REGISTRY_ROLE_ARN: props.registryRole.role.roleArn } : {}),
          ...(route.manageAccounts ? { SANAD_USER_POOL_ID: props.userPool.pool.userPoolId } : {}),
        },
      });
      if (route.tenantData) props.tenantDataRole.grantAssumeWithTenantTag(fn);
      if (route.controlPlane) props.registryRole.grantAssumeWithTenantTag(fn);
      if (route.manageAccounts) {
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: ACCOUNT_ACTIONS, resources: [props.userPool.pool.userPoolArn] }));
      }
      this.api.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${id}-integration`, fn),
        authorizer: route.authenticated ? authorizer : undefined,
      });
    }
    NagSuppressions.addResourceSuppressions(
      this,
      [
        { id: 'AwsSolutions-IAM4', reason: 'AWSLambdaBasicExecutionRole only lets each function write its own logs.' },
        { id: 'AwsSolutions-IAM5', reason: 'X-Ray PutTraceSegments has no resource-level permissions.' },
        { id: 'AwsSolutions-APIG4', reason: 'Health and the OpenAPI document are public by design (API.md); every other route has the JWT authorizer.' },
      ],
      true,
    );
  }
}
