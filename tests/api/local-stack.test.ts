import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient, newCase } from '../support/api-client.ts';
import { REPO_ROOT } from '../../infra/local/stack.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'sanad-data-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  url: string;
  dynamoPort: number;
  stop(): Promise<number | null>;
}

/** Runs `npm start`'s entry point exactly as a developer would, with its own DynamoDB Local. */
function startLocalStackProcess(): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', SANAD_DATA_DIR: dataDir, DYNAMODB_ENDPOINT: '', SANAD_TABLE: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /running at (http:\/\/\S+)/.exec(output)?.[1];
      const dynamoPort = /DynamoDB: http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (url && dynamoPort) {
        clearTimeout(timer);
        resolve({ url, dynamoPort: Number(dynamoPort), stop: () => (child.kill('SIGINT'), exited) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', () => reject(new Error(`exited early:\n${output}`)));
  });
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('npm start', () => {
  it('keeps the data across a restart on the same data dir, and Ctrl-C leaves no DynamoDB Local behind', async () => {
    const first = await startLocalStackProcess();
    const client = await ApiClient.signIn(first.url, 'caseworker.vn-na');
    const created = await client.post('/api/v1/cases', newCase({ child: { fullName: 'Survives restarts', sex: 'female' } }));
    expect(created.status).toBe(201);
    expect(await first.stop()).toBe(0);
    expect(await accepts(first.dynamoPort)).toBe(false);

    const second = await startLocalStackProcess();
    try {
      // The signing key lives in the data dir too: the old token still works.
      const again = await new ApiClient(second.url, client.token).get(`/api/v1/cases/${created.body.data.id}`);
      expect(again.status).toBe(200);
      expect(again.body.data.child.fullName).toBe('Survives restarts');
    } finally {
      expect(await second.stop()).toBe(0);
    }
    expect(await accepts(second.dynamoPort)).toBe(false);
  }, 120_000);
});
