import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { replay } from '../../shared/history/chain.ts';
import { Case, STAGES } from '../../shared/schemas/case.ts';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import { useTestForm } from '../support/test-form.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

let stack: LocalStack;
const clients: Record<string, ApiClient> = {};
const ACTORS = ['caseworker.vn-na', 'caseworker2.vn-na', 'supervisor.vn-na', 'ngo.vn-na'] as const;

beforeAll(async () => {
  stack = await startTestStack();
  for (const username of ACTORS) clients[username] = await ApiClient.signIn(stack.url, username);
  await useTestForm(await ApiClient.signIn(stack.url, 'admin.vn-na'));
});
afterAll(() => stack?.stop());

type Step =
  | { kind: 'action'; path: string; body: unknown }
  | { kind: 'patch'; body: unknown }
  | { kind: 'decide'; decision: 'approve' | 'reject' }
  | { kind: 'note'; confidential: boolean };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'action', path: 'assessment', body: { needs: ['food'], summary: 'assessed' } }),
  fc.constant<Step>({ kind: 'action', path: 'care-plan', body: { goals: [{ goal: 'g', services: [], dueDate: '2027-01-01' }], summary: 'plan' } }),
  fc.constant<Step>({ kind: 'action', path: 'evaluation', body: { summary: 'evaluated', goalsMet: true } }),
  fc.constant<Step>({ kind: 'action', path: 'close-request', body: { reason: 'r', outcome: 'o' } }),
  fc.constant<Step>({ kind: 'action', path: 'reopen', body: { reason: 'again' } }),
  fc.record({ kind: fc.constant('patch' as const), body: fc.oneof(
    fc.record({ riskLevel: fc.constantFrom('low', 'medium', 'high') }),
    fc.record({ fields: fc.dictionary(fc.constantFrom('school', 'village', 'notes'), fc.string({ maxLength: 20 }), { minKeys: 1 }) }),
    fc.record({ categories: fc.subarray(['neglect', 'orphan', 'disability'], { minLength: 1 }) }),
  ) }),
  fc.record({ kind: fc.constant('decide' as const), decision: fc.constantFrom('approve' as const, 'reject' as const) }),
  fc.record({ kind: fc.constant('note' as const), confidential: fc.boolean() }),
);

/** Drops empty objects, which history (field-level) never records. */
const prune = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_k, v) =>
  v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0 ? undefined : v));

describe('random actions by random roles', () => {
  it('never leave a case invalid, never answer 5xx, and its history always replays to it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...ACTORS), stepArb), { minLength: 1, maxLength: 12 }), async (steps) => {
        const owner = clients['caseworker.vn-na']!;
        const supervisor = clients['supervisor.vn-na']!;
        const created = await owner.post('/api/v1/cases', newCase());
        const id = created.body.data.id as string;
        for (const [actor, step] of steps) {
          const client = clients[actor]!;
          const current = (await supervisor.get(`/api/v1/cases/${id}`)).body.data;
          const ifMatch = { 'if-match': `"${current.version}"` };
          let res;
          if (step.kind === 'action') res = await client.post(`/api/v1/cases/${id}/${step.path}`, step.body, ifMatch);
          else if (step.kind === 'patch') res = await client.request('PATCH', `/api/v1/cases/${id}`, { body: step.body, headers: ifMatch });
          else if (step.kind === 'note') res = await client.post(`/api/v1/cases/${id}/notes`, { text: 'n', confidential: step.confidential });
          else {
            const pending = current.pendingApproval;
            if (!pending) continue;
            const approval = (await supervisor.get('/api/v1/approvals?limit=100')).body.data.find((a: any) => a.id === pending.id);
            res = await client.post(`/api/v1/approvals/${pending.id}/${step.decision}`, { comment: 'c' }, { 'if-match': `"${approval.version}"` });
          }
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
          if (res.status >= 400) expect(res.body.error.code).toMatch(/^[A-Z_]+$/);
          if (actor === 'ngo.vn-na') expect(res.status).toBe(403);
          if (actor === 'caseworker2.vn-na' && step.kind !== 'decide') expect(res.status).toBe(404);
        }
        const final = Case.parse((await supervisor.get(`/api/v1/cases/${id}`)).body.data);
        expect(STAGES).toContain(final.stage);
        expect(final.status === 'closed').toBe(final.stage === 'closed');
        const history = (await supervisor.get(`/api/v1/cases/${id}/history`)).body.data;
        const { id: _i, caseNumber: _n, createdAt: _c, updatedAt: _u, version: _v, unitPath: _p, ...recorded } = final;
        const replayed = replay(history) as Record<string, unknown>;
        delete replayed.notes;
        expect(prune(replayed)).toEqual(prune(recorded));
        expect((await supervisor.get(`/api/v1/cases/${id}/history/verify`)).body.data.valid).toBe(true);
      }),
      { numRuns: 15 },
    );
  });
});
