import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DomainError } from '../../shared/errors.ts';
import { logger } from '../http/logger.ts';
import type { Digest } from '../../shared/history/chain.ts';

/**
 * The tenant's history chain key. Every history entry's hash, and the head on the case item, is an
 * HMAC-SHA256 with it, so that someone who can write the table but does not hold the key cannot write an
 * entry, or a head, that verifies.
 *
 * Where it comes from: one master key, and per tenant `HMAC-SHA256(master, tenantKeyMessage(tenant))`.
 * - In AWS (`SANAD_HISTORY_KEY_ID`): the master is a KMS HMAC key (HMAC_256, GENERATE_VERIFY_MAC) that never
 *   leaves KMS; a tenant's key is KMS `GenerateMac` of that message, asked once per tenant per container.
 * - Locally (`SANAD_HISTORY_KEY_FILE`, the local stack puts it in the data dir): 32 random bytes in a file of
 *   mode 0600, created on first use, so a restarted stack verifies what it wrote before.
 * - Neither (tests, an in-memory stack): a random master per process. In Lambda that is refused instead.
 * Then every MAC is computed here with node:crypto — an import of thousands of cases asks KMS once.
 */
export class ChainKey {
  constructor(
    readonly tenantId: string,
    private readonly key: Buffer,
  ) {}

  /** The MAC of one case's chain: entries and heads of another case or another tenant never verify with it. */
  forCase(caseId: string): Digest {
    const context = `sanad/history/v1\n${this.tenantId}\n${caseId}\n`;
    return (text) => createHmac('sha256', this.key).update(context).update(text).digest('hex');
  }
}

/** The message whose MAC under the master key is a tenant's key: the same in KMS and locally. */
export const tenantKeyMessage = (tenantId: string) => `sanad/history-chain-key/v1\n${tenantId}`;

interface MasterKey {
  /** Names the master (cache key): a tenant's key is cached per master. */
  id: string;
  mac(message: string): Promise<Buffer>;
}

const localMaster = (id: string, master: Buffer): MasterKey => ({
  id,
  mac: async (message) => createHmac('sha256', master).update(message).digest(),
});

const processMaster = localMaster('process', randomBytes(32));

/** Reads the local master key file, or creates it (0600) when there is none yet. */
export function readOrCreateKeyFile(file: string): Buffer {
  try {
    return parseKeyFile(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32);
  try {
    // `wx`: if another process created it meanwhile, use theirs.
    writeFileSync(file, JSON.stringify({ alg: 'HMAC-SHA256', key: key.toString('base64') }), { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parseKeyFile(readFileSync(file, 'utf8'), file);
  }
}

function parseKeyFile(text: string, file: string): Buffer {
  const key = Buffer.from(String((JSON.parse(text) as { key?: unknown }).key ?? ''), 'base64');
  if (key.length < 32) throw new Error(`${file} holds no history key of 32 bytes`);
  return key;
}

const fileMasters = new Map<string, MasterKey>();

const newKmsClient = () => import('@aws-sdk/client-kms').then(({ KMSClient }) => new KMSClient({ maxAttempts: 3 }));
let kmsClient: ReturnType<typeof newKmsClient> | undefined;

/** KMS is loaded on the first tenant key a container needs, not at module init. */
const kmsMaster = (keyId: string): MasterKey => ({
  id: `kms:${keyId}`,
  mac: async (message) => {
    const { GenerateMacCommand } = await import('@aws-sdk/client-kms');
    const client = await (kmsClient ??= newKmsClient());
    const { Mac } = await client.send(new GenerateMacCommand({ KeyId: keyId, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from(message, 'utf8') }));
    if (!Mac) throw new Error('KMS GenerateMac answered no MAC');
    return Buffer.from(Mac);
  },
});

function masterKey(): MasterKey {
  const keyId = process.env.SANAD_HISTORY_KEY_ID;
  if (keyId) return kmsMaster(keyId);
  const file = process.env.SANAD_HISTORY_KEY_FILE;
  if (file) {
    let master = fileMasters.get(file);
    if (!master) fileMasters.set(file, (master = localMaster(`file:${file}`, readOrCreateKeyFile(file))));
    return master;
  }
  // A function without its key must not write entries nobody can verify after the container is gone.
  if (process.env.AWS_LAMBDA_FUNCTION_NAME) throw new DomainError('INTERNAL', 'SANAD_HISTORY_KEY_ID is not set');
  return processMaster;
}

const tenantKeys = new Map<string, Promise<ChainKey>>();

/** The tenant's chain key: derived once per tenant per container (per master), then cached. */
export function chainKeyFor(tenantId: string): Promise<ChainKey> {
  let master: MasterKey;
  try {
    master = masterKey();
  } catch (error) {
    return Promise.reject(error as Error);
  }
  const cacheKey = `${master.id}\n${tenantId}`;
  let key = tenantKeys.get(cacheKey);
  if (!key) {
    key = master.mac(tenantKeyMessage(tenantId)).then(
      (bytes) => new ChainKey(tenantId, bytes),
      (error: unknown) => {
        // Not cached: the next request asks again.
        tenantKeys.delete(cacheKey);
        if (!(error instanceof DomainError)) logger.error('history key unavailable', { tenant: tenantId, error: error as Error });
        throw error instanceof DomainError ? error : new DomainError('UNAVAILABLE', 'The history key is unavailable; try again');
      },
    );
    tenantKeys.set(cacheKey, key);
  }
  return key;
}

/**
 * Whether a case's chain may consist of unkeyed entries only (written before history was keyed, never
 * written since): `SANAD_HISTORY_UNKEYED=accept`. Refused otherwise — in AWS by default — since such a chain
 * is one anybody who can write the table can rebuild.
 */
export const acceptsUnkeyedHistory = () => process.env.SANAD_HISTORY_UNKEYED === 'accept';
