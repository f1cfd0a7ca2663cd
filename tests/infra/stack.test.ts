import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TRANSFER_EXCHANGE_LEADING_KEYS } from '../../functions/transfers/transfer-keys.ts';
import { CHILD_AGGREGATE_LEADING_KEYS } from '../../functions/reports/counter-keys.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { App, Aspects, type Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SanadStack } from '../../infra/stacks/sanad-stack.ts';
import { TENANT_DATA_ACTIONS } from '../../infra/constructs/tenant-data-role.ts';
import { INDEX_NAMES, TABLE_DESIGN } from '../../functions/data/table-design.ts';
import { ROUTES, WORKER_ENTRIES, type RouteDefinition } from '../../functions/routes.ts';
import { PLATFORM_TENANT_ID, ROLES } from '../../shared/auth/roles.ts';

/** CloudFront's managed policies, by their fixed ids. */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

let stack: Stack;
let template: Template;
let assemblyDir: string;

beforeAll(() => {
  // `cdk synth` also checks the template against CloudFormation's resource schemas; here that would add
  // ~8 s to a suite whose assertions read the template themselves.
  const app = new App({ builtinCloudFormationValidation: false });
  stack = new SanadStack(app, 'Sanad');
  Aspects.of(app).add(new AwsSolutionsChecks());
  assemblyDir = app.synth().directory;
  template = Template.fromStack(stack);
});

interface Resource { id: string; type: string; props: any }

/** The template never changes after synthesis, so each type is looked up once (findResources is slow). */
const resourcesByType = new Map<string, Resource[]>();
const resources = (type: string): Resource[] => {
  if (!resourcesByType.has(type)) {
    resourcesByType.set(type, Object.entries(template.findResources(type)).map(([id, resource]: [string, any]) => ({ id, type, props: resource.Properties ?? {} })));
  }
  return resourcesByType.get(type)!;
};
const actionsOf = (statement: any): string[] => [statement.Action].flat();
const statementsOf = (policy: Resource): any[] => policy.props.PolicyDocument.Statement;
const getAttTarget = (value: any): string | undefined => value?.['Fn::GetAtt']?.[0];
/** Identity policies attached to a role, by the role's logical id. */
const policiesOfRole = (roleId: string): Resource[] =>
  resources('AWS::IAM::Policy').filter((policy) => policy.props.Roles.some((role: any) => role.Ref === roleId));
const allStatements = (): any[] => resources('AWS::IAM::Policy').flatMap(statementsOf);

/** Each route of the table with the function its HTTP API route invokes and that function's execution role. */
const functions = (): { route: RouteDefinition; fn: Resource; roleId: string }[] =>
  ROUTES.map((route) => {
    const deployed = resources('AWS::ApiGatewayV2::Route').find((r) => r.props.RouteKey === `${route.method} ${route.path}`);
    const integrationId = deployed?.props.Target['Fn::Join'][1][1].Ref;
    const integration = resources('AWS::ApiGatewayV2::Integration').find((i) => i.id === integrationId);
    const fn = resources('AWS::Lambda::Function').find((f) => f.id === getAttTarget(integration?.props.IntegrationUri));
    if (!fn) throw new Error(`no function serves ${route.method} ${route.path}`);
    return { route, fn, roleId: getAttTarget(fn.props.Role)! };
  });

/** The data roles: the variable that hands a function the role's ARN, and the routes that need the role. */
/** The functions that serve no route (the background workers). */
const workerFunctions = () => {
  const routeFunctions = new Set(functions().map(({ fn }) => fn.id));
  return resources('AWS::Lambda::Function').filter((f) => f.props.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'sanad' && !routeFunctions.has(f.id));
};

const DATA_ROLES = {
  tenant: { variable: 'SANAD_TENANT_ROLE_ARN', needed: (route: RouteDefinition) => route.tenantData },
  registry: { variable: 'SANAD_REGISTRY_ROLE_ARN', needed: (route: RouteDefinition) => route.controlPlane === 'read-write' },
  registryReader: { variable: 'SANAD_REGISTRY_ROLE_ARN', needed: (route: RouteDefinition) => route.controlPlane === 'read' },
  exchange: { variable: 'SANAD_EXCHANGE_ROLE_ARN', needed: (route: RouteDefinition) => Boolean(route.transferExchange) },
  aggregates: { variable: 'SANAD_AGGREGATE_ROLE_ARN', needed: (route: RouteDefinition) => Boolean(route.childAggregates) },
} as const;
type DataRole = keyof typeof DATA_ROLES;
const DATA_ROLE_KINDS = Object.keys(DATA_ROLES) as DataRole[];

/** The role that the functions needing `kind` receive in its variable: there must be exactly one. */
const dataRoleId = (kind: DataRole): string => {
  const { variable, needed } = DATA_ROLES[kind];
  const ids = new Set(functions().filter(({ route }) => needed(route)).map(({ fn }) => getAttTarget(fn.props.Environment.Variables[variable])));
  expect(ids.size, kind).toBe(1);
  return [...ids][0]!;
};

const READ_ACTIONS = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'];
/** The roles an execution role may assume (sts:AssumeRole), by logical id. */
const assumableBy = (roleId: string): string[] =>
  policiesOfRole(roleId).flatMap(statementsOf)
    .filter((s) => actionsOf(s).includes('sts:AssumeRole'))
    .flatMap((s) => [s.Resource].flat().map((resource) => getAttTarget(resource) ?? JSON.stringify(resource)))
    .sort();

describe('the table', () => {
  it('is on-demand, point-in-time recoverable, deletion-protected, retained and encrypted', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true })],
      }),
    });
  });

  it('has the keys and exactly the indexes of TABLE_DESIGN, string-typed, projecting all attributes', () => {
    const [table] = resources('AWS::DynamoDB::GlobalTable');
    expect(table!.props.KeySchema).toEqual([
      { AttributeName: TABLE_DESIGN.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_DESIGN.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table!.props.GlobalSecondaryIndexes).toEqual(INDEX_NAMES.map((name) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: TABLE_DESIGN.indexes[name].partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_DESIGN.indexes[name].sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })));
    expect(table!.props.AttributeDefinitions.every((attribute: any) => attribute.AttributeType === 'S')).toBe(true);
  });
});

describe('tenant isolation in IAM', () => {
  const dataStatementsOf = (roleId: string) =>
    policiesOfRole(roleId).flatMap(statementsOf).filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));

  it.each([
    // Exactly DESIGN.md's condition: every partition key, GSI keys included, starts with the session's tenant.
    ['tenant', 'T#${aws:PrincipalTag/tenant}#*'],
  ] as const)('the %s role reads and writes items only under %s, in the table and its indexes, and never scans', (role, leadingKeys) => {
    const statements = dataStatementsOf(dataRoleId(role));
    expect(statements).toHaveLength(1);
    const [statement] = statements;
    expect(actionsOf(statement).sort()).toEqual([...TENANT_DATA_ACTIONS].sort());
    expect(statement.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [leadingKeys] } });
    const tableArn = { 'Fn::GetAtt': [resources('AWS::DynamoDB::GlobalTable')[0]!.id, 'Arn'] };
    expect(statement.Resource).toEqual([tableArn, { 'Fn::Join': ['', [tableArn, '/index/*']] }]);
  });

  it("the registry role writes only the registry's partition, and reads the platform operators' profiles", () => {
    const statements = dataStatementsOf(dataRoleId('registry'));
    expect(statements).toHaveLength(2);
    const readWrite = statements.find((s) => actionsOf(s).includes('dynamodb:PutItem'))!;
    expect(actionsOf(readWrite).sort()).toEqual([...TENANT_DATA_ACTIONS].sort());
    expect(readWrite.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`T#${PLATFORM_TENANT_ID}#TENANTS`] } });
    const readOnly = statements.find((s) => s !== readWrite)!;
    expect(actionsOf(readOnly).sort()).toEqual(READ_ACTIONS);
    expect(readOnly.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`T#${PLATFORM_TENANT_ID}#USER#*`] } });
  });

  it("the read-only registry role allows no write action: it reads the registry and the platform operators' profiles", () => {
    const roleId = dataRoleId('registryReader');
    expect(roleId).not.toBe(dataRoleId('registry'));
    const statements = policiesOfRole(roleId).flatMap(statementsOf);
    expect(statements.every((s) => s.Effect === 'Allow' && s.NotAction === undefined)).toBe(true);
    expect([...new Set(statements.flatMap(actionsOf))].sort()).toEqual(READ_ACTIONS);
    const [statement, ...others] = dataStatementsOf(roleId);
    expect(others).toEqual([]);
    expect(statement.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`T#${PLATFORM_TENANT_ID}#TENANTS`, `T#${PLATFORM_TENANT_ID}#USER#*`] },
    });
  });

  it('GET /api/v1/me may assume only the tenant data role and the read-only registry role, never the read-write one', () => {
    const me = functions().find(({ route }) => route.method === 'GET' && route.path === '/api/v1/me')!;
    expect(assumableBy(me.roleId)).toEqual([dataRoleId('tenant'), dataRoleId('registryReader')].sort());
    expect(assumableBy(me.roleId)).not.toContain(dataRoleId('registry'));
    const registryRoleId = getAttTarget(me.fn.props.Environment.Variables.SANAD_REGISTRY_ROLE_ARN)!;
    expect(registryRoleId).toBe(dataRoleId('registryReader'));
    const actions = policiesOfRole(registryRoleId).flatMap(statementsOf).flatMap(actionsOf);
    expect(actions.filter((action) => !READ_ACTIONS.includes(action))).toEqual([]);
  });

  it('only onboarding and suspending tenants write the registry; the other control-plane routes only read it', () => {
    const withAccess = (access: RouteDefinition['controlPlane']) =>
      ROUTES.filter((route) => route.controlPlane === access).map((route) => `${route.method} ${route.path}`).sort();
    expect(withAccess('read-write')).toEqual(['PATCH /api/v1/platform/tenants/{id}', 'POST /api/v1/platform/tenants']);
    expect(withAccess('read')).toEqual(['GET /api/v1/me', 'GET /api/v1/platform/tenants', 'POST /api/v1/platform/tenants/{id}/members']);
    for (const { route, roleId } of functions()) {
      const registryRoles = assumableBy(roleId).filter((id) => id === dataRoleId('registry') || id === dataRoleId('registryReader'));
      const expected = route.controlPlane === 'read-write' ? [dataRoleId('registry')] : route.controlPlane === 'read' ? [dataRoleId('registryReader')] : [];
      expect(registryRoles, `${route.method} ${route.path}`).toEqual(expected);
    }
  });

  it('the transfer exchange role reaches only the transfers of its session tenant, and reads the registry without writing it', () => {
    const statements = dataStatementsOf(dataRoleId('exchange'));
    expect(statements).toHaveLength(2);
    const readWrite = statements.find((s) => actionsOf(s).includes('dynamodb:PutItem'))!;
    expect(readWrite.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': TRANSFER_EXCHANGE_LEADING_KEYS } });
    expect(TRANSFER_EXCHANGE_LEADING_KEYS.every((pattern) => pattern.startsWith(`T#${PLATFORM_TENANT_ID}#TRANSFER`) && pattern.includes('${aws:PrincipalTag/tenant}'))).toBe(true);
    const readOnly = statements.find((s) => s !== readWrite)!;
    expect(actionsOf(readOnly).sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
    expect(readOnly.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`T#${PLATFORM_TENANT_ID}#TENANTS`] } });
  });

  it("the child-aggregate role only reads: the session tenant's counters and the registry", () => {
    const statements = dataStatementsOf(dataRoleId('aggregates'));
    expect(statements).toHaveLength(1);
    expect(actionsOf(statements[0]).sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
    expect(statements[0].Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': CHILD_AGGREGATE_LEADING_KEYS } });
    expect(CHILD_AGGREGATE_LEADING_KEYS).toEqual(['T#${aws:PrincipalTag/tenant}#COUNTERS#*', `T#${PLATFORM_TENANT_ID}#TENANTS`]);
  });

  it('only the data roles hold DynamoDB permissions: Lambda execution roles have none', () => {
    const holders = resources('AWS::IAM::Policy')
      .filter((policy) => statementsOf(policy).some((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:'))))
      .flatMap((policy) => policy.props.Roles.map((role: any) => role.Ref));
    const dataRoles = DATA_ROLE_KINDS.map(dataRoleId);
    expect([...new Set(holders)].sort()).toEqual(dataRoles.sort());
    for (const { roleId } of functions()) {
      const role = resources('AWS::IAM::Role').find((r) => r.id === roleId);
      expect(role?.props.ManagedPolicyArns, roleId).toBeUndefined();
      expect(policiesOfRole(roleId).flatMap(statementsOf).flatMap(actionsOf).filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
    }
  });

  it('nothing anywhere allows Scan, dynamodb:* or *', () => {
    const actions = allStatements().flatMap(actionsOf);
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions).not.toContain('dynamodb:*');
    expect(actions).not.toContain('*');
    expect(JSON.stringify(template.toJSON())).not.toMatch(/dynamodb:(Scan|\*)/);
  });

  it.each(DATA_ROLE_KINDS)('the %s role trusts only principals tagged for it, and requires a tenant session tag', (role) => {
    const [trusted] = resources('AWS::IAM::Role').filter((r) => r.id === dataRoleId(role));
    const trust: any[] = trusted!.props.AssumeRolePolicyDocument.Statement;
    expect(trust.flatMap(actionsOf).sort()).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    const callerTags = trust.map((statement) => Object.keys(statement.Condition.StringEquals));
    expect(new Set(callerTags.flat()).size).toBe(1);
    const [callerTag] = callerTags[0]!;
    expect(callerTag).toMatch(/^aws:PrincipalTag\//);
    for (const statement of trust) expect(statement.Condition.StringEquals[callerTag!]).toBe('true');
    const tagging = trust.find((statement) => actionsOf(statement).includes('sts:TagSession'));
    expect(tagging.Condition.StringLike).toEqual({ 'aws:RequestTag/tenant': '?*' });
    expect(tagging.Condition['ForAllValues:StringEquals']).toEqual({ 'aws:TagKeys': ['tenant'] });
    if (role !== 'registry' && role !== 'registryReader') expect(tagging.Condition.StringNotLike).toEqual({ 'aws:RequestTag/tenant': '_*' });

    // Exactly the functions that need the role carry its tag and may assume and tag it.
    const needsRole = DATA_ROLES[role].needed;
    const tagKey = callerTag!.slice('aws:PrincipalTag/'.length);
    for (const { route, roleId } of functions()) {
      const executionRole = resources('AWS::IAM::Role').find((r) => r.id === roleId)!;
      const tagged = (executionRole.props.Tags ?? []).some((tag: any) => tag.Key === tagKey && tag.Value === 'true');
      const grants = policiesOfRole(roleId).flatMap(statementsOf)
        .filter((s) => JSON.stringify(s.Resource).includes(`"${dataRoleId(role)}"`));
      expect(tagged, `${route.method} ${route.path}`).toBe(needsRole(route));
      expect(grants.flatMap(actionsOf).sort(), `${route.method} ${route.path}`).toEqual(needsRole(route) ? ['sts:AssumeRole', 'sts:TagSession'] : []);
    }
  });

  it('functions get the role ARNs they need and nothing else', () => {
    for (const { route, fn } of functions()) {
      const variables = Object.keys(fn.props.Environment.Variables);
      expect(variables.includes('SANAD_TENANT_ROLE_ARN'), route.path).toBe(route.tenantData);
      expect(variables.includes('SANAD_TABLE'), route.path).toBe(route.tenantData);
      expect(variables.includes('SANAD_REGISTRY_ROLE_ARN'), route.path).toBe(Boolean(route.controlPlane));
      if (route.controlPlane) {
        expect(getAttTarget(fn.props.Environment.Variables.SANAD_REGISTRY_ROLE_ARN), route.path).toBe(dataRoleId(route.controlPlane === 'read' ? 'registryReader' : 'registry'));
      }
      expect(variables.includes('SANAD_EXCHANGE_ROLE_ARN'), route.path).toBe(Boolean(route.transferExchange));
      expect(variables.includes('SANAD_AGGREGATE_ROLE_ARN'), route.path).toBe(Boolean(route.childAggregates));
      expect(variables.includes('SANAD_USER_POOL_ID'), route.path).toBe(Boolean(route.manageAccounts));
    }
  });

  // The background workers: the register import (started and resumed by the import routes) and the unit-move
  // recount (started by a unit move, resumed by the reports).
  const WORKERS = [
    { name: 'the import worker', id: 'Imports', flag: 'importWorker', variable: 'SANAD_IMPORT_WORKER_FUNCTION', starters: ['POST /api/v1/imports/cases', 'GET /api/v1/imports/{id}'] },
    { name: 'the recount worker', id: 'Recounts', flag: 'recountWorker', variable: 'SANAD_RECOUNT_WORKER_FUNCTION', starters: ['GET /api/v1/reports/dashboard', 'GET /api/v1/reports/circular-02', 'PATCH /api/v1/units/{id}'] },
  ] as const;

  for (const { name, id, flag, variable, starters } of WORKERS) {
    it(`${name} runs 15 minutes with the tenant data role, without blind retries, and only its routes may start it`, () => {
      const workers = workerFunctions().filter((f) => f.id.startsWith(id));
      expect(workers).toHaveLength(1);
      const [worker] = workers;
      expect(worker!.props).toMatchObject({ Runtime: 'nodejs22.x', Timeout: 900, TracingConfig: { Mode: 'Active' } });
      expect(getAttTarget(worker!.props.Environment.Variables.SANAD_TENANT_ROLE_ARN)).toBe(dataRoleId('tenant'));
      expect(Object.keys(worker!.props.Environment.Variables).filter((variableName) => variableName.endsWith('_ROLE_ARN'))).toEqual(['SANAD_TENANT_ROLE_ARN']);
      const asyncConfig = resources('AWS::Lambda::EventInvokeConfig').find((config) => config.props.FunctionName?.Ref === worker!.id);
      expect(asyncConfig!.props).toMatchObject({ FunctionName: { Ref: worker!.id }, MaximumRetryAttempts: 0 });
      const invokesWorker = (statement: any) => actionsOf(statement).includes('lambda:InvokeFunction') && JSON.stringify(statement.Resource).includes(`"${worker!.id}"`);
      for (const { route, fn, roleId } of functions()) {
        expect(fn.props.Environment.Variables[variable], route.path).toEqual(route[flag] ? { Ref: worker!.id } : undefined);
        const grants = policiesOfRole(roleId).flatMap(statementsOf).filter(invokesWorker);
        expect(grants.length > 0, `${route.method} ${route.path}`).toBe(Boolean(route[flag]));
      }
      expect(ROUTES.filter((route) => route[flag]).map((route) => `${route.method} ${route.path}`)).toEqual(starters);
    });
  }

  it('no route may invoke any other function', () => {
    const workerIds = workerFunctions().map((f) => f.id);
    for (const { route, roleId } of functions()) {
      for (const grant of policiesOfRole(roleId).flatMap(statementsOf).filter((statement) => actionsOf(statement).includes('lambda:InvokeFunction'))) {
        expect(workerIds.some((workerId) => JSON.stringify(grant.Resource).includes(`"${workerId}"`)), `${route.method} ${route.path}`).toBe(true);
      }
    }
  });

  it('only the routes that read or write XLSX get the spreadsheet layer (exceljs, bundled into one file)', () => {
    const [layer] = resources('AWS::Lambda::LayerVersion');
    expect(layer).toBeDefined();
    for (const { route, fn } of functions()) {
      expect(fn.props.Layers ?? [], route.path).toEqual(route.spreadsheets ? [{ Ref: layer!.id }] : []);
    }
    const assetHash = String(layer!.props.Content.S3Key).replace(/\.zip$/, '');
    expect(existsSync(join(assemblyDir, `asset.${assetHash}`, 'nodejs', 'node_modules', 'exceljs', 'index.js'))).toBe(true);
  });

  it('only account-managing functions may administer Cognito users, and only in the pool', () => {
    const poolArn = { 'Fn::GetAtt': [resources('AWS::Cognito::UserPool')[0]!.id, 'Arn'] };
    for (const { route, roleId } of functions()) {
      const cognito = policiesOfRole(roleId).flatMap(statementsOf).filter((s) => actionsOf(s).some((a) => a.startsWith('cognito-idp:')));
      expect(cognito.length, route.path).toBe(route.manageAccounts ? 1 : 0);
      for (const statement of cognito) {
        expect(statement.Resource).toEqual(poolArn);
        expect(actionsOf(statement).every((a) => a.startsWith('cognito-idp:Admin') && !a.includes('*'))).toBe(true);
        // Every change first reads the account's own custom:tenant; a failed profile write deletes the new account;
        // disable and reset end its sessions.
        expect(actionsOf(statement)).toEqual(expect.arrayContaining(['cognito-idp:AdminGetUser', 'cognito-idp:AdminDeleteUser', 'cognito-idp:AdminUserGlobalSignOut']));
      }
    }
  });
});

describe('identity', () => {
  it('Cognito: only admins create users, sign-in by username, an immutable custom:tenant, retained', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        AliasAttributes: Match.absent(),
        UsernameAttributes: Match.absent(),
        MfaConfiguration: 'OPTIONAL',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        Schema: Match.arrayWith([Match.objectLike({ Name: 'tenant', AttributeDataType: 'String', Mutable: false })]),
      }),
    });
  });

  it('has one group per role', () => {
    const groups = resources('AWS::Cognito::UserPoolGroup').map((group) => group.props.GroupName);
    expect(groups.sort()).toEqual([...ROLES].sort());
  });

  it('the SPA client is public, signs in with password or SRP, and may not write the tenant or organisation', () => {
    const [client] = resources('AWS::Cognito::UserPoolClient');
    expect(client!.props.GenerateSecret).toBe(false);
    expect(client!.props.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']));
    expect(client!.props.AllowedOAuthFlows).toBeUndefined();
    expect(client!.props.WriteAttributes.filter((attribute: string) => attribute.startsWith('custom:'))).toEqual([]);
  });
});

describe('the API', () => {
  it('stays well inside CloudFormation\'s 500 resources per stack (routes share execution roles by permission profile)', () => {
    const count = Object.keys(template.toJSON().Resources as Record<string, unknown>).length;
    expect(count).toBeLessThan(450);
    // Two functions with the same flags share a role; different flags never do.
    const byRole = new Map<string, Set<string>>();
    for (const { route, roleId } of functions()) {
      const flags = JSON.stringify([route.tenantData, route.controlPlane, route.transferExchange, route.childAggregates, route.importWorker, route.history, route.manageAccounts].map(Boolean).concat(route.controlPlane === 'read'));
      byRole.set(roleId, new Set([...(byRole.get(roleId) ?? []), flags]));
    }
    for (const [roleId, profiles] of byRole) expect(profiles.size, roleId).toBe(1);
  });

  it('runs one function per route (and the background workers) on nodejs22.x, arm64, traced, with its own log group', () => {
    const ours = functions();
    expect(ours).toHaveLength(ROUTES.length);
    expect(resources('AWS::Lambda::Function').filter((f) => f.props.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'sanad')).toHaveLength(ROUTES.length + WORKER_ENTRIES.length);
    for (const { fn } of ours) {
      expect(fn.props).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 512,
        Timeout: 10,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      });
    }
  });

  it('has one route per route-table entry, JWT-authorized exactly where authenticated, and no local login', () => {
    const routes = resources('AWS::ApiGatewayV2::Route').map((r) => r.props);
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of ROUTES) {
      const deployed = routes.find((r) => r.RouteKey === `${route.method} ${route.path}`);
      expect(deployed.AuthorizationType, route.path).toBe(route.authenticated ? 'JWT' : 'NONE');
    }
    expect(routes.filter((r) => r.RouteKey.includes('/local/'))).toEqual([]);
  });

  it('checks tokens against the Cognito pool, for the SPA client', () => {
    const [pool] = resources('AWS::Cognito::UserPool');
    const [client] = resources('AWS::Cognito::UserPoolClient');
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: {
        Audience: [{ Ref: client!.id }],
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: pool!.id }]] },
      },
    });
  });

  it('logs access and throttles on the default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() }),
    });
  });
});

describe('the web', () => {
  it('serves the SPA through OAC with a viewer-request fallback, and /api/* uncached to the API', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const [distribution] = resources('AWS::CloudFront::Distribution');
    const config = distribution!.props.DistributionConfig;
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [resources('AWS::CloudFront::Function')[0]!.id, 'FunctionARN'] } },
    ]);
    expect(config.CacheBehaviors).toEqual([expect.objectContaining({
      PathPattern: '/api/*',
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      AllowedMethods: expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
      ViewerProtocolPolicy: 'https-only',
    })]);
    const s3Origin = config.Origins.find((origin: any) => origin.Id === config.DefaultCacheBehavior.TargetOriginId);
    expect(s3Origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [resources('AWS::CloudFront::OriginAccessControl')[0]!.id, 'Id'] });
  });

  it('adds security headers: HSTS, nosniff, frame DENY, a referrer policy, and a CSP that lets the SPA reach Cognito', () => {
    const [policy] = resources('AWS::CloudFront::ResponseHeadersPolicy');
    const headers = policy!.props.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers.StrictTransportSecurity).toMatchObject({ Override: true, IncludeSubdomains: true });
    expect(headers.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.ReferrerPolicy.ReferrerPolicy).toBeDefined();
    const csp = JSON.stringify(stack.resolve(headers.ContentSecurityPolicy.ContentSecurityPolicy));
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self' https://cognito-idp.");
  });

  it('keeps every bucket private, encrypted and TLS-only', () => {
    const buckets = resources('AWS::S3::Bucket');
    expect(buckets.length).toBeGreaterThanOrEqual(2);
    for (const bucket of buckets) {
      expect(bucket.props.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
      });
      expect(bucket.props.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
      const policy = resources('AWS::S3::BucketPolicy').find((p) => p.props.Bucket.Ref === bucket.id);
      expect(statementsOf(policy!)).toContainEqual(expect.objectContaining({
        Effect: 'Deny',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }));
    }
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('finds no unsuppressed error or warning', () => {
    const findings = [
      ...Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*')),
      ...Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')),
    ];
    expect(findings.map((f) => `${f.id}: ${String(f.entry.data).slice(0, 160)}`)).toEqual([]);
  });
});

describe('the case history key', () => {
  const historyKeys = () => resources('AWS::KMS::Key').filter((key) => key.props.KeySpec === 'HMAC_256');
  const keyArn = () => ({ 'Fn::GetAtt': [historyKeys()[0]!.id, 'Arn'] });
  const kmsStatementsOf = (roleId: string) => policiesOfRole(roleId).flatMap(statementsOf).filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));

  it('is one KMS HMAC key (HMAC_256, GENERATE_VERIFY_MAC), retained', () => {
    expect(historyKeys()).toHaveLength(1);
    template.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }),
    });
  });

  it('only the functions that write or verify history derive tenant keys: kms:GenerateMac, HMAC-SHA256, on that key, nothing else of KMS', () => {
    const grant = { Effect: 'Allow', Action: 'kms:GenerateMac', Resource: keyArn(), Condition: { StringEquals: { 'kms:MacAlgorithm': 'HMAC_SHA_256' } } };
    for (const { route, fn, roleId } of functions()) {
      const label = `${route.method} ${route.path}`;
      expect(fn.props.Environment.Variables.SANAD_HISTORY_KEY_ID, label).toEqual(route.history ? keyArn() : undefined);
      expect(kmsStatementsOf(roleId), label).toEqual(route.history ? [grant] : []);
    }
    // The import worker writes every imported case's first entry; the recount worker a moved case's `unit-moved`.
    const workers = workerFunctions();
    expect(workers).toHaveLength(WORKER_ENTRIES.length);
    for (const worker of workers) {
      expect(worker.props.Environment.Variables.SANAD_HISTORY_KEY_ID, worker.id).toEqual(keyArn());
      expect(kmsStatementsOf(getAttTarget(worker.props.Role)!), worker.id).toEqual([grant]);
    }

    const writers = ROUTES.filter((route) => route.history).map((route) => `${route.method} ${route.path}`);
    expect(writers).toEqual(expect.arrayContaining([
      'POST /api/v1/cases', 'PATCH /api/v1/cases/{id}', 'GET /api/v1/cases/{id}/history/verify', 'POST /api/v1/cases/{id}/notes',
      'POST /api/v1/approvals/{id}/approve', 'GET /api/v1/referrals/{id}', 'GET /api/v1/transfers/{id}', 'POST /api/v1/transfers/{id}/accept',
    ]));
    // Reading history is not writing it; in AWS the import routes hand the rows to the worker.
    for (const reader of ['GET /api/v1/cases/{id}', 'GET /api/v1/cases/{id}/history', 'GET /api/v1/cases/{id}/overview', 'POST /api/v1/imports/cases', 'GET /api/v1/imports/{id}']) {
      expect(writers).not.toContain(reader);
    }
  });
});
