import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import { ROUTES } from '../../functions/routes.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

let stack: LocalStack;
const clients: ApiClient[] = [];
let caseId = '';

beforeAll(async () => {
  process.env.SANAD_RATE_LIMIT_PER_MINUTE = '100000000';
  stack = await startTestStack();
  for (const username of ['caseworker.vn-na', 'supervisor.vn-na', 'admin.vn-na', 'ngo.vn-na', 'platform']) {
    clients.push(await ApiClient.signIn(stack.url, username));
  }
  caseId = (await clients[0]!.post('/api/v1/cases', newCase())).body.data.id;
});
afterAll(() => stack?.stop());

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom("' OR 1=1 --", '{"$ne": null}', '<script>alert(1)</script>', '../../etc/passwd', 'T#mm#CASE#x', '\u0000\uFFFF\uD800', '%00', '${7*7}', 'a'.repeat(10_000)),
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
);
const deep = (depth: number): unknown => (depth === 0 ? 'x' : { a: deep(depth - 1) });
const body = fc.oneof(
  fc.anything({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom('child', 'categories', 'riskLevel', 'fields', 'goals', 'summary', 'needs', 'userId', 'dueDate', 'note', 'text', 'roles', 'status', 'username', 'id', 'admin'), nasty),
  fc.record({ child: fc.dictionary(fc.constantFrom('fullName', 'sex', 'dateOfBirth', 'ageYears'), nasty), categories: fc.array(nasty), riskLevel: nasty }),
  fc.constant(deep(200)),
);
const ifMatch = fc.oneof(fc.constant(undefined), fc.constantFrom('"1"', '*', 'W/"x"', '"99999999999999999999"', '', '"-1"'), fc.string());

/** Every route, with path parameters that may be the real case, garbage, or an attempt at a key. */
const routeArb = fc.record({
  route: fc.constantFrom(...ROUTES),
  param: fc.oneof(fc.constant('CASE'), fc.constantFrom('x', '..', 'T#mm#CASE#1', '00000000-0000-4000-8000-000000000000', '%E0%A4%A'), fc.string({ minLength: 1, maxLength: 40 })),
});

describe('fuzzing every route', () => {
  it('never answers 5xx, and every error has the one error shape', async () => {
    await fc.assert(
      fc.asyncProperty(routeArb, body, ifMatch, fc.nat(clients.length - 1), fc.boolean(), async ({ route, param }, payload, version, who, raw) => {
        const path = route.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(param === 'CASE' ? caseId : param));
        const headers: Record<string, string> = version === undefined ? {} : { 'if-match': version.replace(/[\r\n]/g, '') };
        const client = clients[who]!;
        const res = route.method === 'GET'
          ? await client.request('GET', `${path}?limit=${encodeURIComponent(String(version ?? '25'))}&cursor=${encodeURIComponent(Array.from(String(JSON.stringify(payload ?? ''))).slice(0, 200).join(''))}`, { headers })
          : raw
          ? await client.request(route.method, path, { rawBody: String(JSON.stringify(payload) ?? "{").slice(0, -1), headers: { ...headers, 'content-type': 'application/json' } })
          : await client.request(route.method, path, { body: payload ?? {}, headers });
        expect(res.status, `${route.method} ${path} → ${JSON.stringify(res.body).slice(0, 300)}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.body).toEqual({ error: expect.objectContaining({ code: expect.stringMatching(/^[A-Z_]+$/), message: expect.any(String) }) });
          expect(JSON.stringify(res.body)).not.toMatch(/node_modules|at .+\.ts:\d+/);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('answers 413 to a 7 MB body on every write route', async () => {
    const huge = 'x'.repeat(7 * 1024 * 1024);
    for (const route of ROUTES.filter((r) => r.method !== 'GET').slice(0, 4)) {
      const res = await clients[1]!.request(route.method, route.path.replace('{id}', caseId), { rawBody: JSON.stringify({ huge }), headers: { 'content-type': 'application/json' } });
      expect(res.status, route.path).toBe(413);
    }
  });
});
