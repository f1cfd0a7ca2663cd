import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair } from 'jose';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient } from '../support/api-client.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../infra/local/local-issuer.ts';

let stack: LocalStack;
let anonymous: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  anonymous = new ApiClient(stack.url);
});
afterAll(() => stack?.stop());

const expectError = (body: any, code: string) => {
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|node_modules/);
};

describe('public routes', () => {
  it('GET /api/v1/health answers without a token', async () => {
    const res = await anonymous.get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { status: 'ok' } });
  });

  it('GET /api/v1/openapi.json describes the case routes', async () => {
    const res = await anonymous.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/cases', '/api/v1/cases/{id}', '/api/v1/me']));
  });

  it('an unknown API route answers 404 in the error shape', async () => {
    const res = await anonymous.get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expectError(res.body, 'NOT_FOUND');
  });
});

describe('local login', () => {
  it('issues a Cognito-shaped token for a demo user', async () => {
    const res = await anonymous.post('/local/login', { username: 'caseworker.vn-na', password: 'sanad-demo' });
    expect(res.status).toBe(200);
    expect(res.body.data.expiresAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const claims = JSON.parse(Buffer.from(res.body.data.token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ 'custom:tenant': 'vn-na', 'cognito:groups': ['caseworker'], 'cognito:username': 'caseworker.vn-na', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE });
  });

  it.each([
    ['a wrong password', { username: 'caseworker.vn-na', password: 'nope' }],
    ['an unknown user', { username: 'nobody', password: 'sanad-demo' }],
  ])('answers 401 for %s', async (_what, body) => {
    const res = await anonymous.post('/local/login', body);
    expect(res.status).toBe(401);
    expectError(res.body, 'UNAUTHENTICATED');
  });
});

describe('GET /api/v1/me', () => {
  it('returns the user, roles, permissions and tenant', async () => {
    const client = await ApiClient.signIn(stack.url, 'supervisor.vn-na');
    const res = await client.get('/api/v1/me');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      username: 'supervisor.vn-na',
      displayName: expect.any(String),
      roles: ['supervisor'],
      permissions: expect.arrayContaining(['case.create', 'case.list']),
      tenant: { id: 'vn-na', name: 'Nghe An', kind: 'province', parentId: 'vn', locales: ['vi', 'en'] },
    });
  });

  it('reports the partner organisation of a partner user', async () => {
    const client = await ApiClient.signIn(stack.url, 'ngo.sy');
    const res = await client.get('/api/v1/me');
    expect(res.body.data).toMatchObject({ roles: ['partner'], organizationId: 'ngo-sy', tenant: { id: 'sy' } });
  });

  describe('refuses tokens it cannot trust with 401', () => {
    const payloadOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

    it('no token', async () => {
      const res = await anonymous.get('/api/v1/me');
      expect(res.status).toBe(401);
      expectError(res.body, 'UNAUTHENTICATED');
    });

    it('a token whose tenant was changed', async () => {
      const { token } = await ApiClient.signIn(stack.url, 'caseworker.vn-na');
      const [header, , signature] = token!.split('.');
      const forged = `${header}.${encode({ ...payloadOf(token!), 'custom:tenant': 'mm' })}.${signature}`;
      const res = await new ApiClient(stack.url, forged).get('/api/v1/me');
      expect(res.status).toBe(401);
    });

    it('alg: none', async () => {
      const { token } = await ApiClient.signIn(stack.url, 'caseworker.vn-na');
      const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payloadOf(token!))}.`;
      expect((await new ApiClient(stack.url, unsigned).get('/api/v1/me')).status).toBe(401);
    });

    it('a token signed by another key', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      const foreign = await new SignJWT({ 'custom:tenant': 'vn-na', 'cognito:groups': ['supervisor'] })
        .setProtectedHeader({ alg: 'RS256' }).setSubject('intruder').setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE)
        .setExpirationTime('1h').sign(privateKey);
      expect((await new ApiClient(stack.url, foreign).get('/api/v1/me')).status).toBe(401);
    });
  });
});
