import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { REPO_ROOT } from '../../infra/local/stack.ts';
import { createLocalServer } from '../../infra/local/server.ts';
import { LocalCredentials } from '../../functions/identity/local-credentials.ts';
import { API_RESPONSE_HEADERS, securityHeaders } from '../../shared/security-headers.ts';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient } from '../support/api-client.ts';

let stack: LocalStack;
let anonymous: ApiClient;
let supervisor: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  anonymous = new ApiClient(stack.url);
  supervisor = await ApiClient.signIn(stack.url, 'supervisor.vn-na');
});
afterAll(() => stack?.stop());

/** The local origin is plain HTTP: CloudFront's headers without HSTS (see shared/security-headers.ts). */
const ORIGIN_HEADERS = securityHeaders({ https: false });

const picked = (headers: Headers, names: string[]) => Object.fromEntries(names.map((name) => [name, headers.get(name)]));

function expectOriginHeaders(headers: Headers) {
  expect(picked(headers, Object.keys(ORIGIN_HEADERS))).toEqual(ORIGIN_HEADERS);
  expect(ORIGIN_HEADERS['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers.get('strict-transport-security')).toBeNull();
}

function expectApiHeaders(headers: Headers) {
  expectOriginHeaders(headers);
  expect(picked(headers, Object.keys(API_RESPONSE_HEADERS))).toEqual(API_RESPONSE_HEADERS);
}

/** The SPA's own scripts and style sheet, as the built index.html names them. */
const builtAssets = (): string[] => {
  const html = readFileSync(join(REPO_ROOT, 'web', 'dist', 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
};

describe('the SPA', () => {
  it.each(['/', '/login', '/cases/01J9ZK3'])('%s (index.html) carries the origin security headers', async (path) => {
    const res = await fetch(`${stack.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expectOriginHeaders(res.headers);
  });

  it('a static asset carries them too', async () => {
    const assets = builtAssets();
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const res = await fetch(`${stack.url}${asset}`);
      expect(res.status, asset).toBe(200);
      expectOriginHeaders(res.headers);
    }
  });

  it('a missing asset answers 404 with the headers, uncached', async () => {
    const res = await fetch(`${stack.url}/assets/never-built.js`);
    expect(res.status).toBe(404);
    expectApiHeaders(res.headers);
  });

  it('no source map is served, however its path is spelled', async () => {
    const scripts = builtAssets().filter((asset) => asset.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      for (const path of [`${script}.map`, `${script}.%6Dap`, `${script}.map/`, `${script}.MAP`]) {
        const res = await fetch(`${stack.url}${path}`);
        expect(res.status, path).toBe(404);
        expect(await res.text(), path).not.toContain('"mappings"');
      }
    }
  });

  it('the local server refuses .map files even when the build holds them', async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'sanad-web-maps-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Sanad</title>');
    writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log(1);\n//# sourceMappingURL=app.js.map');
    writeFileSync(join(webDir, 'assets', 'app.js.map'), JSON.stringify({ version: 3, sources: ['app.ts'], sourcesContent: ['secret'], mappings: 'AAAA' }));
    const server = createLocalServer({ repoRoot: REPO_ROOT, webDir, issuer: stack.issuer, credentials: new LocalCredentials(stack.tableName) });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect((await fetch(`${url}/assets/app.js`)).status).toBe(200);
      for (const path of ['/assets/app.js.map', '/assets/app.js.%6dap', '/assets/app.js.map/', '/app.js.map']) {
        const res = await fetch(`${url}${path}`);
        expect(res.status, path).toBe(404);
        expect(await res.text(), path).not.toContain('secret');
      }
    } finally {
      server.closeAllConnections();
      await new Promise<void>((closed) => server.close(() => closed()));
      rmSync(webDir, { recursive: true, force: true });
    }
  });
});

describe('the API', () => {
  it('a JSON response carries nosniff and no-store besides the origin headers', async () => {
    const health = await anonymous.get('/api/v1/health');
    expect(health.status).toBe(200);
    expectApiHeaders(health.headers);
    const me = await supervisor.get('/api/v1/me');
    expect(me.status).toBe(200);
    expectApiHeaders(me.headers);
  });

  it('a file download does too', async () => {
    const csv = await supervisor.get('/api/v1/exports/cases?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expectApiHeaders(csv.headers);
  });

  it.each([
    ['a handler error', () => supervisor.get('/api/v1/cases/00000000-0000-4000-8000-000000000000'), 404],
    ['a refused token', () => anonymous.get('/api/v1/cases'), 401],
    ['an unknown route', () => anonymous.get('/api/v1/nothing-here'), 404],
    ['invalid JSON', () => supervisor.request('POST', '/api/v1/cases', { rawBody: '{', headers: { 'content-type': 'application/json' } }), 400],
  ])('%s answers in the error shape with the same headers', async (_what, call, status) => {
    const res = await call();
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: expect.objectContaining({ code: expect.any(String) }) });
    expectApiHeaders(res.headers);
  });
});

describe("the local server's own answers", () => {
  it('/local/login, signed in or refused, carries the headers', async () => {
    const signedIn = await anonymous.post('/local/login', { username: 'caseworker.vn-na', password: 'sanad-demo' });
    expect(signedIn.status).toBe(200);
    expectApiHeaders(signedIn.headers);
    const refused = await anonymous.post('/local/login', { username: 'caseworker.vn-na', password: 'nope' });
    expect(refused.status).toBe(401);
    expectApiHeaders(refused.headers);
    const wrongMethod = await anonymous.get('/local/login');
    expect(wrongMethod.status).toBe(404);
    expectApiHeaders(wrongMethod.headers);
  });

  it('/config.json carries them', async () => {
    const res = await anonymous.get('/config.json');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ auth: 'local' });
    expectApiHeaders(res.headers);
  });
});
