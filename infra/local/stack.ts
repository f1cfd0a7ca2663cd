import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { DEFAULT_TABLE_NAME } from '../../functions/data/table-design.ts';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.ts';
import { migrateUnits } from '../../functions/units/migrate-units.ts';
import { ensureTable } from './table.ts';
import { LocalIssuer } from './local-issuer.ts';
import { LocalCredentials } from '../../functions/identity/local-credentials.ts';
import { seedDemoData } from './seed.ts';
import { createLocalServer } from './server.ts';

export interface LocalStackOptions {
  port?: number;
  host?: string;
  /** Where DynamoDB Local's files and the issuer key live; ignored when `inMemory`. */
  dataDir?: string;
  inMemory?: boolean;
  /** Use this DynamoDB instead of starting DynamoDB Local. */
  dynamoEndpoint?: string;
  tableName?: string;
  seed?: boolean;
}

export interface LocalStack {
  url: string;
  seeded: boolean;
  dynamoEndpoint: string;
  tableName: string;
  dynamo?: DynamoDbLocal;
  issuer: LocalIssuer;
  stop(): Promise<void>;
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** DynamoDB Local + table + demo data + the one-origin server: what `npm start` and the tests run. */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const tableName = options.tableName ?? DEFAULT_TABLE_NAME;
  // The machine runs Node 20; Lambda runs nodejs22.x, so the SDK's Node-version notice does not concern us.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dataDir = options.inMemory ? undefined : resolve(options.dataDir ?? join(REPO_ROOT, '.data'));
  const dynamo = options.dynamoEndpoint
    ? undefined
    : await startDynamoDbLocal({ dataDir: dataDir ? join(dataDir, 'dynamodb') : undefined });
  const dynamoEndpoint = options.dynamoEndpoint ?? dynamo!.endpoint;
  try {
    // The handlers read their configuration from the environment, exactly as in Lambda.
    process.env.DYNAMODB_ENDPOINT = dynamoEndpoint;
    process.env.SANAD_TABLE = tableName;
    process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
    // The history chain's master key (functions/history/chain-key.ts) lives in the data dir (0600), so a restarted
    // stack verifies what it wrote before; in memory each process has a random one. Chains with no keyed entry
    // (history written before it was keyed) are accepted only from a data dir, which may hold such history —
    // and whoever can write that table can read the key beside it anyway.
    if (dataDir) process.env.SANAD_HISTORY_KEY_FILE = join(dataDir, 'history-key.json');
    else delete process.env.SANAD_HISTORY_KEY_FILE;
    process.env.SANAD_HISTORY_UNKEYED = dataDir ? 'accept' : 'refuse';
    await ensureTable(dynamoEndpoint, tableName);
    const seeded = options.seed === false ? false : await seedDemoData(tableName);
    // Tenants from before units get their root unit (a no-op once they have one).
    await migrateUnits();
    const issuer = await LocalIssuer.create(dataDir);
    const server = createLocalServer({
      repoRoot: REPO_ROOT,
      webDir: join(REPO_ROOT, 'web', 'dist'),
      issuer,
      credentials: new LocalCredentials(tableName),
    });
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 3000, host, () => resolveListen());
    });
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://${host}:${port}`,
      seeded,
      dynamoEndpoint,
      tableName,
      dynamo,
      issuer,
      stop: async () => {
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
        await dynamo?.stop();
      },
    };
  } catch (error) {
    await dynamo?.stop();
    throw error;
  }
}
