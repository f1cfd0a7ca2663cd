import { beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from 'aws-cdk-lib';
import { App, Aspects } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SanadStack } from '../../infra/stacks/sanad-stack.ts';
import { TENANT_DATA_ACTIONS } from '../../infra/constructs/tenant-data-role.ts';
import { INDEX_NAMES, TABLE_DESIGN } from '../../functions/data/table-design.ts';
import { ROUTES } from '../../functions/routes.ts';
import { ROLES } from '../../shared/auth/roles.ts';

let stack: Stack;
let template: Template;

beforeAll(() => {
  const app = new App();
  stack = new SanadStack(app, 'Test', { env: { account: '123456789012', region: 'ap-southeast-1' } });
  Aspects.of(app).add(new AwsSolutionsChecks());
  app.synth();
  template = Template.fromStack(stack);
});

const policyStatements = () =>
  Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy: any) => policy.Properties.PolicyDocument.Statement as any[]);
const actionsOf = (statement: any): string[] => [statement.Action].flat();

describe('the table', () => {
  it('is on-demand, point-in-time recoverable, deletion-protected and retained', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true })],
      }),
    });
  });

  it('has exactly the indexes of TABLE_DESIGN, with its key attributes', () => {
    const table = Object.values(template.findResources('AWS::DynamoDB::GlobalTable'))[0] as any;
    const indexes = table.Properties.GlobalSecondaryIndexes.map((gsi: any) => ({
      name: gsi.IndexName,
      keys: gsi.KeySchema.map((k: any) => k.AttributeName),
    }));
    expect(indexes).toEqual(
      INDEX_NAMES.map((name) => ({ name, keys: [TABLE_DESIGN.indexes[name].partitionKey, TABLE_DESIGN.indexes[name].sortKey] })),
    );
  });
});

describe('tenant isolation in IAM', () => {
  it('the tenant data role may only touch keys starting with its session tag, the registry role only the registry, and never Scan', () => {
    const dataStatements = policyStatements().filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    expect(dataStatements).toHaveLength(2);
    for (const statement of dataStatements) {
      expect(actionsOf(statement).sort()).toEqual([...TENANT_DATA_ACTIONS].sort());
      expect(JSON.stringify(statement.Resource)).toContain('/index/*');
    }
    expect(dataStatements.map((s) => s.Condition)).toEqual(expect.arrayContaining([
      { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['T#${aws:PrincipalTag/tenant}#*'] } },
      { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['T#_platform#*'] } },
    ]));
  });

  it('only account-managing functions may administer Cognito users', () => {
    const cognito = policyStatements().filter((s) => actionsOf(s).some((a) => a.startsWith('cognito-idp:')));
    expect(cognito).toHaveLength(ROUTES.filter((r) => r.manageAccounts).length);
    expect(cognito.flatMap(actionsOf)).not.toContain('cognito-idp:*');
  });

  it('no policy anywhere allows Scan or dynamodb:*', () => {
    const all = policyStatements().flatMap(actionsOf);
    expect(all).not.toContain('dynamodb:Scan');
    expect(all).not.toContain('dynamodb:*');
  });

  it('the role is assumable with a tenant session tag, and functions may assume and tag it', () => {
    const roles = template.findResources('AWS::IAM::Role', { Properties: { Description: Match.stringLikeRegexp('Sanad tenant data') } });
    const trust = (Object.values(roles)[0] as any).Properties.AssumeRolePolicyDocument.Statement;
    expect(trust.flatMap(actionsOf)).toEqual(expect.arrayContaining(['sts:AssumeRole', 'sts:TagSession']));
    const tagging = trust.find((statement: any) => actionsOf(statement).includes('sts:TagSession'));
    expect(tagging.Condition.StringNotLike).toEqual({ 'aws:RequestTag/tenant': '_*' });
    const grants = policyStatements().filter((s) => actionsOf(s).includes('sts:TagSession'));
    expect(grants.length).toBe(ROUTES.filter((r) => r.tenantData).length + ROUTES.filter((r) => r.controlPlane).length);
  });
});

describe('identity', () => {
  it('Cognito: admins create users, custom:tenant exists, a group per role', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Schema: Match.arrayWith([Match.objectLike({ Name: 'tenant', Mutable: false })]),
    });
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map((g: any) => g.Properties.GroupName);
    expect(groups.sort()).toEqual([...ROLES].sort());
  });
});

describe('the API', () => {
  it('runs every function on nodejs22.x, arm64', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function')).map((f: any) => f.Properties);
    const ours = functions.filter((f) => f.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'sanad');
    expect(ours).toHaveLength(ROUTES.length);
    for (const fn of ours) {
      expect(fn.Runtime).toBe('nodejs22.x');
      expect(fn.Architectures).toEqual(['arm64']);
    }
  });

  it('has one route per route-table entry, JWT-authorized exactly where authenticated, and no local login', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r: any) => r.Properties);
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of ROUTES) {
      const deployed = routes.find((r) => r.RouteKey === `${route.method} ${route.path}`);
      expect(deployed.AuthorizationType, route.path).toBe(route.authenticated ? 'JWT' : 'NONE');
    }
    expect(routes.some((r) => r.RouteKey.includes('/local/'))).toBe(false);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT' });
  });
});

describe('the web', () => {
  it('serves a private bucket through CloudFront with OAC, /api/* to the API, an SPA fallback and security headers', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [Match.objectLike({ PathPattern: '/api/*' })],
        DefaultCacheBehavior: Match.objectLike({ FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })] }),
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({ StrictTransportSecurity: Match.objectLike({ Override: true }) }),
      }),
    });
    for (const bucket of Object.values(template.findResources('AWS::S3::Bucket')) as any[]) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
      });
    }
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('finds no unsuppressed error or warning', () => {
    const findings = [
      ...Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*')),
      ...Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')),
    ];
    expect(findings.map((f) => `${f.id}: ${String(f.entry.data).slice(0, 120)}`)).toEqual([]);
  });
});
