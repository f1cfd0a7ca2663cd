import { join } from 'node:path';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { PLATFORM_TENANT_ID } from '../../shared/auth/roles.ts';
import { DataTable } from '../constructs/data-table.ts';
import { HttpApi } from '../constructs/http-api.ts';
import { ImportWorker } from '../constructs/import-worker.ts';
import { RecountWorker } from '../constructs/recount-worker.ts';
import { HistoryKey } from '../constructs/history-key.ts';
import { TenantDataRole } from '../constructs/tenant-data-role.ts';
import { UserPool } from '../constructs/user-pool.ts';
import { SpreadsheetLayer } from '../constructs/spreadsheet-layer.ts';
import { WebHosting } from '../constructs/web-hosting.ts';
import { REPO_ROOT } from '../repo-root.ts';
import { TRANSFER_EXCHANGE_LEADING_KEYS } from '../../functions/transfers/transfer-keys.ts';
import { CHILD_AGGREGATE_LEADING_KEYS } from '../../functions/reports/counter-keys.ts';
import { PLATFORM_PROFILE_LEADING_KEYS, REGISTRY_LEADING_KEYS } from '../../functions/platform/registry-keys.ts';

/** Sanad in one region: data, identity, API and web, composed from one construct each. */
export class SanadStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const data = new DataTable(this, 'Data');
    // Tenant ids never start with "_": those tags belong to the control plane, which has a role of its own.
    const tenantData = new TenantDataRole(this, 'TenantData', { table: data.table, refusedTenantTags: '_*' });
    // The control plane: onboarding and suspension write the registry; every other route that needs it (/me, the
    // tenant list, memberships) only reads it. Both read the platform operators' own profiles, nothing else of T#_platform#.
    const registry = new TenantDataRole(this, 'Registry', {
      table: data.table,
      leadingKeys: REGISTRY_LEADING_KEYS,
      readOnlyLeadingKeys: PLATFORM_PROFILE_LEADING_KEYS,
      description: `Sanad tenant registry (control plane): writes T#${PLATFORM_TENANT_ID}#TENANTS, reads platform operators' profiles`,
    });
    const registryReader = new TenantDataRole(this, 'RegistryReader', {
      table: data.table,
      leadingKeys: [],
      readOnlyLeadingKeys: [...REGISTRY_LEADING_KEYS, ...PLATFORM_PROFILE_LEADING_KEYS],
      description: `Sanad tenant registry, read-only: T#${PLATFORM_TENANT_ID}#TENANTS and platform operators' profiles`,
    });
    // Transfers between tenants meet here: each tenant reaches only the transfers it sends or receives, and
    // may read (never write) the registry to find where a case can go.
    const exchange = new TenantDataRole(this, 'TransferExchange', {
      table: data.table,
      refusedTenantTags: '_*',
      leadingKeys: TRANSFER_EXCHANGE_LEADING_KEYS,
      readOnlyLeadingKeys: [`T#${PLATFORM_TENANT_ID}#TENANTS`],
      description: 'Sanad transfer exchange: only the transfers the session tag "tenant" sends or receives',
    });
    // A parent tenant's dashboard reads its children's counters, and nothing else of theirs.
    const aggregates = new TenantDataRole(this, 'ChildAggregates', {
      table: data.table,
      refusedTenantTags: '_*',
      leadingKeys: [],
      readOnlyLeadingKeys: CHILD_AGGREGATE_LEADING_KEYS,
      description: 'Sanad child-tenant aggregates: read-only, the counters of the session tag "tenant" and the registry',
    });
    const users = new UserPool(this, 'Users');
    const historyKey = new HistoryKey(this, 'History');
    const importWorker = new ImportWorker(this, 'Imports', { tableName: data.table.tableName, tenantDataRole: tenantData, historyKey });
    const recountWorker = new RecountWorker(this, 'Recounts', { tableName: data.table.tableName, tenantDataRole: tenantData, historyKey });
    const api = new HttpApi(this, 'Api', {
      tableName: data.table.tableName, tenantDataRole: tenantData, registryRole: registry, registryReaderRole: registryReader,
      exchangeRole: exchange, aggregateRole: aggregates,
      spreadsheetLayer: new SpreadsheetLayer(this, 'Spreadsheets'), userPool: users, importWorker, recountWorker, historyKey,
    });
    const web = new WebHosting(this, 'Web', {
      api: api.api,
      userPoolClientId: users.spaClient.userPoolClientId,
      siteDirectory: join(REPO_ROOT, 'web', 'dist'),
    });

    new CfnOutput(this, 'Url', { value: `https://${web.distribution.distributionDomainName}` });
    new CfnOutput(this, 'UserPoolId', { value: users.pool.userPoolId });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
  }
}
