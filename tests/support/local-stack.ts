import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.ts';

/**
 * The whole local stack for one test file: the run's DynamoDB Local (started once by the global setup),
 * a fresh table of its own with the demo data, and the one-origin server on a random port.
 */
export async function startTestStack(): Promise<LocalStack> {
  return startLocalStack({
    inMemory: true,
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: `sanad-test-${randomUUID().slice(0, 8)}`,
  });
}
