import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  waitUntilTableExists,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import { INDEX_NAMES, TABLE_DESIGN } from '../../functions/data/table-design.ts';

/** Creates the single table from TABLE_DESIGN — the same design the CDK table construct deploys — if missing. */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    try {
      await client.send(new DescribeTableCommand({ TableName: tableName }));
      return;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    const indexes: GlobalSecondaryIndex[] = INDEX_NAMES.map((name) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: TABLE_DESIGN.indexes[name].partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_DESIGN.indexes[name].sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    }));
    const keyAttributes = [
      TABLE_DESIGN.partitionKey,
      TABLE_DESIGN.sortKey,
      ...INDEX_NAMES.flatMap((name) => [TABLE_DESIGN.indexes[name].partitionKey, TABLE_DESIGN.indexes[name].sortKey]),
    ];
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: TABLE_DESIGN.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_DESIGN.sortKey, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        GlobalSecondaryIndexes: indexes,
      }),
    );
    await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
  } finally {
    client.destroy();
  }
}
