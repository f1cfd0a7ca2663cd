import * as iam from 'aws-cdk-lib/aws-iam';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

export interface TenantDataRoleProps {
  table: dynamodb.ITableV2;
  /** Session tags (tenant ids) this role must refuse, e.g. `_*` so tenants' role never opens the registry. */
  refusedTenantTags?: string;
  /** The key prefix the role is fenced to; defaults to the session's tenant tag. */
  leadingKeys?: string;
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

/**
 * The role handlers assume, per request tenant (or, for the control plane's registry, a role fenced to
 * `T#_platform#*`), with the session tag `tenant`: IAM itself then refuses any
 * item whose partition key does not start with `T#<tenant>#` — in the table and in every index.
 */
export class TenantDataRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: TenantDataRoleProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      description: props.description ?? 'Sanad tenant data access, fenced by dynamodb:LeadingKeys to the session tag "tenant"',
      // Trust is granted to each function's execution role by grantAssume (sts:AssumeRole + sts:TagSession).
      assumedBy: new iam.AccountRootPrincipal(),
    });
    this.role.assumeRolePolicy?.addStatements(
      new iam.PolicyStatement({
        actions: ['sts:TagSession'],
        principals: [new iam.AccountRootPrincipal()],
        conditions: {
          StringLike: { 'aws:RequestTag/tenant': '?*' },
          ...(props.refusedTenantTags ? { StringNotLike: { 'aws:RequestTag/tenant': props.refusedTenantTags } } : {}),
        },
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: TENANT_DATA_ACTIONS,
        resources: [props.table.tableArn, `${props.table.tableArn}/index/*`],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [props.leadingKeys ?? 'T#${aws:PrincipalTag/tenant}#*'] },
        },
      }),
    );
  }

  /** Lets a function's role assume this role with a tenant session tag. */
  grantAssumeWithTenantTag(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [this.role.roleArn] }),
    );
  }
}
