import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A fresh copy of the module (its caches empty), as a new container or a restarted stack has it. */
const freshModule = async () => {
  vi.resetModules();
  return import('./chain-key.ts');
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sanad-chain-key-'));
  vi.stubEnv('SANAD_HISTORY_KEY_ID', '');
  vi.stubEnv('SANAD_HISTORY_KEY_FILE', '');
  vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.doUnmock('@aws-sdk/client-kms');
  rmSync(dir, { recursive: true, force: true });
});

describe('the local history key', () => {
  it('is created in the key file, mode 0600, and a restarted process derives the same tenant keys from it', async () => {
    const file = join(dir, 'data', 'history-key.json');
    vi.stubEnv('SANAD_HISTORY_KEY_FILE', file);
    const first = (await (await freshModule()).chainKeyFor('vn-na')).forCase('case-1')('text');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const master = Buffer.from(JSON.parse(readFileSync(file, 'utf8')).key, 'base64');
    expect(master).toHaveLength(32);
    const again = (await (await freshModule()).chainKeyFor('vn-na')).forCase('case-1')('text');
    expect(again).toBe(first);
  });

  it('differs per tenant and per case, and without a file per process', async () => {
    const { chainKeyFor } = await freshModule();
    const vn = await chainKeyFor('vn-na');
    expect(await chainKeyFor('vn-na')).toBe(vn);
    const mm = await chainKeyFor('mm');
    expect(vn.forCase('c')('text')).not.toBe(mm.forCase('c')('text'));
    expect(vn.forCase('c')('text')).not.toBe(vn.forCase('d')('text'));
    const restarted = await (await freshModule()).chainKeyFor('vn-na');
    expect(restarted.forCase('c')('text')).not.toBe(vn.forCase('c')('text'));
  });

  it('is refused in Lambda without a KMS key: entries nobody could verify later are never written', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'sanad-fn');
    const { chainKeyFor } = await freshModule();
    await expect(chainKeyFor('vn-na')).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});

describe('the KMS history key', () => {
  const kmsMaster = 'the master inside KMS';
  const mockKms = (fail = 0) => {
    const inputs: { KeyId: string; MacAlgorithm: string; Message: Uint8Array }[] = [];
    vi.doMock('@aws-sdk/client-kms', () => ({
      GenerateMacCommand: class { constructor(readonly input: (typeof inputs)[number]) {} },
      KMSClient: class {
        async send(command: { input: (typeof inputs)[number] }) {
          inputs.push(command.input);
          if (inputs.length <= fail) throw new Error('ThrottlingException');
          return { Mac: createHmac('sha256', kmsMaster).update(command.input.Message).digest() };
        }
      },
    }));
    return inputs;
  };

  it('derives each tenant key with one GenerateMac per tenant per container, then MACs locally', async () => {
    vi.stubEnv('SANAD_HISTORY_KEY_ID', 'arn:aws:kms:eu-west-1:111122223333:key/history');
    const inputs = mockKms();
    const { chainKeyFor, tenantKeyMessage } = await freshModule();
    const keys = await Promise.all(Array.from({ length: 50 }, (_, i) => chainKeyFor(i % 2 ? 'vn-na' : 'mm')));
    for (let i = 0; i < 1000; i++) keys[i % 50]!.forCase(`case-${i}`)('entry');
    expect(inputs.map((input) => Buffer.from(input.Message).toString('utf8')).sort()).toEqual([tenantKeyMessage('mm'), tenantKeyMessage('vn-na')]);
    expect(inputs.every((input) => input.KeyId === 'arn:aws:kms:eu-west-1:111122223333:key/history' && input.MacAlgorithm === 'HMAC_SHA_256')).toBe(true);
    // The same construction as the local key: HMAC-SHA256(master, label + tenant).
    const tenantKey = createHmac('sha256', kmsMaster).update(tenantKeyMessage('vn-na')).digest();
    const expected = createHmac('sha256', tenantKey).update('sanad/history/v1\nvn-na\nc\n').update('entry').digest('hex');
    expect((await chainKeyFor('vn-na')).forCase('c')('entry')).toBe(expected);
  });

  it('answers 503 when KMS fails, and asks again on the next request', async () => {
    vi.stubEnv('SANAD_HISTORY_KEY_ID', 'history');
    const inputs = mockKms(1);
    const { chainKeyFor } = await freshModule();
    await expect(chainKeyFor('vn-na')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(chainKeyFor('vn-na')).resolves.toBeDefined();
    expect(inputs).toHaveLength(2);
  });
});
