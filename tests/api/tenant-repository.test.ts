import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { TenantRepository } from '../../functions/data/tenant-repository.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { DomainError } from '../../shared/errors.ts';

const tableName = `repo-test-${randomUUID().slice(0, 8)}`;
const raw = DynamoDBDocumentClient.from(
  new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
);
const repositoryOf = (tenant: string) => new TenantRepository(tenant, raw, tableName);

beforeAll(() => ensureTable(inject('dynamoEndpoint'), tableName));

describe('TenantRepository over DynamoDB Local', () => {
  it('prefixes the table and index partition keys with the tenant', async () => {
    await repositoryOf('vn-na').transact([{ put: { pk: 'CASE#1', sk: 'META', gsi1pk: 'OWNER#u1', gsi1sk: 'x', gsi2pk: 'CASES', gsi2sk: 'x' } }]);
    const stored = await raw.send(new GetCommand({ TableName: tableName, Key: { pk: 'T#vn-na#CASE#1', sk: 'META' } }));
    expect(stored.Item).toMatchObject({ pk: 'T#vn-na#CASE#1', gsi1pk: 'T#vn-na#OWNER#u1', gsi2pk: 'T#vn-na#CASES' });
  });

  it('cannot read another tenant\'s item, by key or by index', async () => {
    await repositoryOf('mm').transact([{ put: { pk: 'CASE#2', sk: 'META', gsi2pk: 'CASES', gsi2sk: 'y' } }]);
    const intruder = repositoryOf('vn-na');
    expect(await intruder.get('CASE#2', 'META')).toBeUndefined();
    const page = await intruder.query({ index: 'byTenant', partition: 'CASES', limit: 100 });
    expect(page.items.every((item) => String(item.pk).startsWith('T#vn-na#'))).toBe(true);
  });

  it('refuses keys that try to name a tenant themselves, and tenant ids that are not ids', () => {
    expect(() => repositoryOf('vn-na').key('T#mm#CASE#2')).toThrow(DomainError);
    expect(() => repositoryOf('mm#CASE')).toThrow(DomainError);
    expect(() => repositoryOf('')).toThrow(DomainError);
  });

  it('writes all items of a transaction or none', async () => {
    const repository = repositoryOf('eg');
    await repository.transact([{ put: { pk: 'THING#1', sk: 'META' } }]);
    const conflict = () => new DomainError('CONFLICT', 'exists');
    await expect(
      repository.transact([
        { put: { pk: 'THING#2', sk: 'META' } },
        { put: { pk: 'THING#1', sk: 'META' }, condition: 'attribute_not_exists(pk)', onConditionFailed: conflict },
      ]),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await repository.get('THING#2', 'META')).toBeUndefined();
  });

  it('deletes only inside its own tenant, with the put that replaces it in the same transaction', async () => {
    await repositoryOf('sy').transact([{ put: { pk: 'SEARCH#x', sk: 'a' } }]);
    await repositoryOf('eg').transact([{ put: { pk: 'SEARCH#x', sk: 'a' } }]);
    await repositoryOf('eg').transact([{ delete: { pk: 'SEARCH#x', sk: 'a' } }, { put: { pk: 'SEARCH#y', sk: 'a' } }]);
    const stored = (pk: string) => raw.send(new GetCommand({ TableName: tableName, Key: { pk, sk: 'a' } })).then((out) => out.Item);
    expect(await stored('T#eg#SEARCH#x')).toBeUndefined();
    expect(await stored('T#eg#SEARCH#y')).toBeDefined();
    expect(await stored('T#sy#SEARCH#x')).toBeDefined();
    await expect(repositoryOf('eg').transact([{ delete: { pk: 'T#sy#SEARCH#x', sk: 'a' } }])).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('answers UNAVAILABLE when the database cannot be reached', async () => {
    const unreachable = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: 'http://127.0.0.1:9', region: 'local', maxAttempts: 1, credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }),
    );
    await expect(new TenantRepository('vn', unreachable, tableName).get('X', 'Y')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
