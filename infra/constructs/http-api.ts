import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { NagSuppressions } from 'cdk-nag';
import { ROUTES, type RouteDefinition } from '../../functions/routes.ts';
import { ApiFunction, allowTracing, functionRole } from './api-function.ts';
import type { SpreadsheetLayer } from './spreadsheet-layer.ts';
import type { TenantDataRole } from './tenant-data-role.ts';
import type { UserPool } from './user-pool.ts';
import type { ImportWorker } from './import-worker.ts';
import type { RecountWorker } from './recount-worker.ts';
import type { HistoryKey } from './history-key.ts';

export interface HttpApiProps {
  tableName: string;
  tenantDataRole: TenantDataRole;
  /** The control plane's role: writes the tenant registry (`T#_platform#TENANTS`), reads platform operators' profiles. */
  registryRole: TenantDataRole;
  /** The same reach read-only, for routes that only read the registry (`controlPlane: 'read'`, e.g. `/me`). */
  registryReaderRole: TenantDataRole;
  /** The transfer exchange's role: a tenant's own transfers in the control plane's space, the registry read-only. */
  exchangeRole: TenantDataRole;
  /** Read-only: a child tenant's dashboard counters and the registry, for a parent's `scope=children`. */
  aggregateRole: TenantDataRole;
  /** exceljs, for the routes that read or write XLSX. */
  spreadsheetLayer: SpreadsheetLayer;
  userPool: UserPool;
  /** The register import worker the import routes start. */
  importWorker: ImportWorker;
  /** The unit-move recount worker a unit move starts and the reports resume. */
  recountWorker: RecountWorker;
  /** The history chain's master key: the routes that write or verify case history derive tenant keys from it. */
  historyKey: HistoryKey;
}

/** What an account-managing function may do in Cognito, and nothing more. */
const ACCOUNT_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminResetUserPassword',
  // The account's own custom:tenant is read before every change; a failed profile write deletes the new account.
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminDeleteUser',
  // Disable and password reset end the account's sessions.
  'cognito-idp:AdminUserGlobalSignOut',
];

const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  routeKey: '$context.routeKey',
  status: '$context.status',
  latency: '$context.responseLatency',
  sourceIp: '$context.identity.sourceIp',
  authorizerError: '$context.authorizer.error',
  integrationError: '$context.integrationErrorMessage',
});

/**
 * The grants a route's function needs, as a stable name (`tenantData-history-…`): routes with the same name
 * share one execution role.
 */
const PROFILE_FLAGS = ['tenantData', 'transferExchange', 'childAggregates', 'importWorker', 'recountWorker', 'history', 'manageAccounts'] as const;
function permissionProfile(route: RouteDefinition): string {
  const flags = PROFILE_FLAGS.filter((flag) => route[flag]);
  return [...flags, ...(route.controlPlane ? [`registry-${route.controlPlane}`] : [])].join('-') || 'none';
}

/** `POST /api/v1/cases/{id}/notes` → `POST-api-v1-cases--id--notes`: a stable construct id per route. */
const routeId = (route: RouteDefinition) => `${route.method}${route.path.replace(/[^A-Za-z0-9]/g, '-')}`;

/**
 * The HTTP API: one function and one route per entry of the shared route table, JWT-checked against
 * Cognito where the route is authenticated. Functions get data access only by assuming the tenant data
 * role (never a table grant of their own).
 */
export class HttpApi extends Construct {
  readonly api: apigw.HttpApi;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    this.api = new apigw.HttpApi(this, 'Api', { description: 'Sanad API', createDefaultStage: false });
    this.addDefaultStage();
    const authorizer = new HttpJwtAuthorizer('Cognito', props.userPool.issuerUrl, {
      jwtAudience: [props.userPool.spaClient.userPoolClientId],
    });

    const roles = new Map<string, iam.Role>();
    /** One execution role per permission profile: routes with the same flags need exactly the same grants. */
    const roleFor = (route: RouteDefinition): iam.Role => {
      const profile = permissionProfile(route);
      const existing = roles.get(profile);
      if (existing) return existing;
      const role = functionRole(this, `Role-${profile}`);
      const registryRole = registryRoleFor(route);
      if (route.tenantData) props.tenantDataRole.grantAssumeWithTenantTag(role);
      registryRole?.grantAssumeWithTenantTag(role);
      if (route.transferExchange) props.exchangeRole.grantAssumeWithTenantTag(role);
      if (route.childAggregates) props.aggregateRole.grantAssumeWithTenantTag(role);
      if (route.manageAccounts) {
        role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ACCOUNT_ACTIONS, resources: [props.userPool.pool.userPoolArn] }));
      }
      roles.set(profile, role);
      return role;
    };
    const registryRoleFor = (route: RouteDefinition) =>
      route.controlPlane === 'read' ? props.registryReaderRole : route.controlPlane === 'read-write' ? props.registryRole : undefined;

    for (const route of ROUTES) {
      const registryRole = registryRoleFor(route);
      const { fn, role } = new ApiFunction(this, routeId(route), {
        entry: route.entry,
        role: roleFor(route),
        environment: {
          ...(route.tenantData ? { SANAD_TABLE: props.tableName, SANAD_TENANT_ROLE_ARN: props.tenantDataRole.role.roleArn } : {}),
          ...(registryRole ? { SANAD_REGISTRY_ROLE_ARN: registryRole.role.roleArn } : {}),
          ...(route.transferExchange ? { SANAD_EXCHANGE_ROLE_ARN: props.exchangeRole.role.roleArn } : {}),
          ...(route.childAggregates ? { SANAD_AGGREGATE_ROLE_ARN: props.aggregateRole.role.roleArn } : {}),
          ...(route.manageAccounts ? { SANAD_USER_POOL_ID: props.userPool.pool.userPoolId } : {}),
        },
        layers: route.spreadsheets ? [props.spreadsheetLayer.layer] : undefined,
      });
      if (route.importWorker) props.importWorker.allowStartFrom(fn, role);
      if (route.recountWorker) props.recountWorker.allowStartFrom(fn, role);
      if (route.history) props.historyKey.allowDeriveFrom(fn, role);
      const routes = this.api.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${routeId(route)}-integration`, fn),
        authorizer: route.authenticated ? authorizer : undefined,
      });
      if (!route.authenticated) {
        for (const publicRoute of routes) {
          NagSuppressions.addResourceSuppressions(publicRoute, [
            { id: 'AwsSolutions-APIG4', reason: `${route.method} ${route.path} answers without a token by design (API.md: health and the OpenAPI document).` },
          ]);
        }
      }
    }
    for (const role of roles.values()) allowTracing(role);
  }

  /** The `$default` stage, with access logs and throttling defaults (per-user limits live in the handlers). */
  private addDefaultStage(): void {
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_YEAR });
    this.api.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs), format: AccessLogFormat.custom(ACCESS_LOG_FORMAT) },
    });
  }
}
