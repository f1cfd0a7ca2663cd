import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { INDEX_NAMES, TABLE_DESIGN } from '../../functions/data/table-design.ts';

/** The single table, built from the same TABLE_DESIGN the repository and the local stack use. */
export class DataTable extends Construct {
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: key(TABLE_DESIGN.partitionKey),
      sortKey: key(TABLE_DESIGN.sortKey),
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      globalSecondaryIndexes: INDEX_NAMES.map((indexName) => ({
        indexName,
        partitionKey: key(TABLE_DESIGN.indexes[indexName].partitionKey),
        sortKey: key(TABLE_DESIGN.indexes[indexName].sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      })),
    });
  }
}
