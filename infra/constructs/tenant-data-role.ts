import { Names, Tags } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { NagSuppressions } from 'cdk-nag';

export interface TenantDataRoleProps {
  table: dynamodb.ITableV2;
  /** The partition-key patterns the role may read and write; by default those of the session's tenant. */
  leadingKeys?: string[];
  /** Partition-key patterns the role may only read (GetItem, BatchGetItem, Query). */
  readOnlyLeadingKeys?: string[];
  /** Session tags (tenant ids) the role refuses, e.g. `_*` so that the tenants' role never opens the registry. */
  refusedTenantTags?: string;
  description?: string;
}

/** Everything case data needs — and no Scan: TransactWriteItems is authorised item by item through these. */
export const TENANT_DATA_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
];

export const TENANT_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];

const TENANT_LEADING_KEYS = 'T#${aws:PrincipalTag/tenant}#*';

/**
 * The role handlers assume per request, with the session tag `tenant`: IAM itself then refuses any item
 * whose partition key does not start with `T#<tenant>#`, in the table and in every index. (The control
 * plane's registry uses another instance, fenced to a fixed prefix.)
 */
export class TenantDataRole extends Construct {
  readonly role: iam.Role;
  /**
   * The role tag that marks a function allowed to assume this role. The trust policy requires it, so a
   * principal of the account that happens to hold a broad sts:AssumeRole still cannot get in.
   */
  private readonly callerTag: string;

  constructor(scope: Construct, id: string, props: TenantDataRoleProps) {
    super(scope, id);
    this.callerTag = `sanad-may-assume-${Names.uniqueId(this)}`;
    const taggedCaller = new iam.AccountRootPrincipal().withConditions({
      StringEquals: { [`aws:PrincipalTag/${this.callerTag}`]: 'true' },
    });
    this.role = new iam.Role(this, 'Role', {
      description: props.description ?? 'Sanad tenant data access, fenced by dynamodb:LeadingKeys to the session tag "tenant"',
      assumedBy: taggedCaller,
    });
    this.role.assumeRolePolicy?.addStatements(
      new iam.PolicyStatement({
        actions: ['sts:TagSession'],
        principals: [taggedCaller],
        conditions: {
          // Without a tenant tag, ${aws:PrincipalTag/tenant} would be empty; no other tag has a say.
          StringLike: { 'aws:RequestTag/tenant': '?*' },
          'ForAllValues:StringEquals': { 'aws:TagKeys': ['tenant'] },
          ...(props.refusedTenantTags ? { StringNotLike: { 'aws:RequestTag/tenant': props.refusedTenantTags } } : {}),
        },
      }),
    );
    const readWriteKeys = props.leadingKeys ?? [TENANT_LEADING_KEYS];
    if (readWriteKeys.length > 0) this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: TENANT_DATA_ACTIONS,
        resources: [props.table.tableArn, `${props.table.tableArn}/index/*`],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': readWriteKeys },
        },
      }),
    );
    if (props.readOnlyLeadingKeys) {
      this.role.addToPolicy(
        new iam.PolicyStatement({
          actions: TENANT_READ_ACTIONS,
          resources: [props.table.tableArn, `${props.table.tableArn}/index/*`],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': props.readOnlyLeadingKeys } },
        }),
      );
    }
    NagSuppressions.addResourceSuppressions(this.role, [
      {
        id: 'AwsSolutions-IAM5',
        reason: 'Every index of the one table: the dynamodb:LeadingKeys condition fences index partition keys to the tenant exactly as table keys.',
        appliesTo: [{ regex: '/^Resource::<.*\\.Arn>\\/index\\/\\*$/' }],
      },
    ], true);
  }

  /** Lets a function's execution role assume this role with a tenant session tag. */
  grantAssumeWithTenantTag(executionRole: iam.Role): void {
    executionRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [this.role.roleArn] }),
    );
    Tags.of(executionRole).add(this.callerTag, 'true');
  }
}
