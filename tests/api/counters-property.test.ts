import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LocalStack } from '../../infra/local/stack.ts';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import { demoUserId } from '../../infra/local/seed.ts';

let stack: LocalStack;
const clients: Record<string, ApiClient> = {};
const OWNERS = ['caseworker.vn-na', 'caseworker2.vn-na'] as const;

beforeAll(async () => {
  process.env.SANAD_RATE_LIMIT_PER_MINUTE = '100000';
  stack = await startTestStack();
  for (const username of [...OWNERS, 'supervisor.vn-na', 'admin.vn-na']) clients[username] = await ApiClient.signIn(stack.url, username);
});
afterAll(() => stack?.stop());

const CATEGORIES = ['neglect', 'orphan', 'disability', 'gbv'];
type Step =
  | { kind: 'create'; owner: (typeof OWNERS)[number]; categories: string[]; riskLevel: string; unit: number }
  | { kind: 'unit'; parent: number }
  | { kind: 'move'; pick: number; unit: number }
  | { kind: 'moveUnit'; unit: number; parent: number }
  | { kind: 'close' | 'approve' | 'reopen' | 'assess'; pick: number }
  | { kind: 'patch'; pick: number; body: Record<string, unknown> };

const pick = fc.nat(50);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const), owner: fc.constantFrom(...OWNERS),
    categories: fc.subarray(CATEGORIES, { minLength: 1 }), riskLevel: fc.constantFrom('low', 'medium', 'high'), unit: pick,
  }),
  fc.record({ kind: fc.constant('unit' as const), parent: pick }),
  fc.record({ kind: fc.constant('move' as const), pick, unit: pick }),
  fc.record({ kind: fc.constant('moveUnit' as const), unit: pick, parent: pick }),
  fc.record({ kind: fc.constantFrom('close' as const, 'approve' as const, 'reopen' as const, 'assess' as const), pick }),
  fc.record({ kind: fc.constant('patch' as const), pick, body: fc.oneof(
    fc.record({ categories: fc.subarray(CATEGORIES, { minLength: 1 }) }),
    fc.record({ riskLevel: fc.constantFrom('low', 'medium', 'high') }),
    fc.record({ child: fc.record({ sex: fc.constantFrom('female', 'male', 'other') }) }),
  ) }),
);

/** Every case of the tenant, through the API (the records). */
const allCases = (): Promise<any[]> => clients['supervisor.vn-na']!.getAll('/api/v1/cases?limit=100');

const tally = (values: string[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});

/** The dashboard as it should be, recounted from the records. */
function recount(cases: any[]) {
  const open = cases.filter((c) => c.status === 'open');
  const month = new Date().toISOString().slice(0, 7);
  return {
    openCases: open.length,
    closedCases: cases.length - open.length,
    byStage: tally(cases.map((c) => c.stage)),
    byRisk: tally(open.map((c) => c.riskLevel)),
    byCategory: tally(open.flatMap((c) => c.categories)),
    byWorker: tally(open.map((c) => c.ownerId)),
    pendingApprovals: open.filter((c) => c.pendingApproval).length,
    newThisMonth: cases.filter((c) => c.createdAt.startsWith(month)).length,
    closedThisMonth: cases.filter((c) => c.status === 'closed' && c.closure?.closedAt?.startsWith(month)).length,
  };
}

interface UnitRecord { id: string; version: number; path: string[] }
const units = async (): Promise<UnitRecord[]> => (await clients['admin.vn-na']!.get('/api/v1/units')).body.data;

/** Waits until the dashboard no longer says a unit move is being re-counted. */
async function untilRecounted() {
  for (let i = 0; i < 200; i++) {
    if (!(await clients['supervisor.vn-na']!.get('/api/v1/reports/dashboard')).body.data.recounting) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the recount did not finish');
}

const dashboardCounts = (dashboard: any) => ({
  openCases: dashboard.openCases, closedCases: dashboard.closedCases, byStage: dashboard.byStage, byRisk: dashboard.byRisk,
  byCategory: dashboard.byCategory, byWorker: dashboard.byWorker, pendingApprovals: dashboard.pendingApprovals,
});
const withoutMonths = ({ newThisMonth: _n, closedThisMonth: _c, ...counts }: ReturnType<typeof recount>) => counts;

describe('dashboard counters', () => {
  it('equal a recount from the records, for every unit of a random tree, after random create/close/reopen/recategorise/change-risk/move sequences', async () => {
    const supervisor = clients['supervisor.vn-na']!;
    const admin = clients['admin.vn-na']!;
    const ids: string[] = [];
    let unitCount = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 14 }), async (steps) => {
        for (const step of steps) {
          if (step.kind === 'unit') {
            // A new unit under a random one (a parent already six levels deep refuses it: 400).
            const tree = await units();
            const parent = tree[step.parent % tree.length]!;
            const res = await admin.post('/api/v1/units', { id: `cp-${++unitCount}`, parentId: parent.id, kind: 'office', name: { en: `Unit ${unitCount}` } });
            expect([201, 400]).toContain(res.status);
            continue;
          }
          if (step.kind === 'moveUnit') {
            const tree = (await units()).filter((unit) => unit.path.length > 1);
            if (tree.length === 0) continue;
            const unit = tree[step.unit % tree.length]!;
            const all = await units();
            const parent = all[step.parent % all.length]!;
            // Under its own subtree or too deep: 400; else moved, and its cases re-counted in the background.
            const res = await admin.request('PATCH', `/api/v1/units/${unit.id}`, { body: { parentId: parent.id }, headers: { 'if-match': `"${unit.version}"` } });
            expect([200, 400]).toContain(res.status);
            await untilRecounted();
            continue;
          }
          if (step.kind === 'create') {
            const tree = await units();
            const unitId = tree[step.unit % tree.length]!.id;
            const res = await clients[step.owner]!.post('/api/v1/cases', newCase({ categories: step.categories, riskLevel: step.riskLevel, unitId }));
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            ids.push(res.body.data.id);
            continue;
          }
          if (ids.length === 0) continue;
          const id = ids[step.pick % ids.length]!;
          const kase = (await supervisor.get(`/api/v1/cases/${id}`)).body.data;
          const ifMatch = { 'if-match': `"${kase.version}"` };
          // Requests come from the case's owner, decisions from the supervisor (nobody approves their own).
          const owner = clients[OWNERS.find((username) => demoUserId(username) === kase.ownerId) ?? 'caseworker.vn-na']!;
          let res;
          if (step.kind === 'close') res = await owner.post(`/api/v1/cases/${id}/close-request`, { reason: 'r', outcome: 'o' }, ifMatch);
          else if (step.kind === 'assess') res = await owner.post(`/api/v1/cases/${id}/assessment`, { needs: ['food'], summary: 's' }, ifMatch);
          else if (step.kind === 'reopen') res = await supervisor.post(`/api/v1/cases/${id}/reopen`, { reason: 'again' }, ifMatch);
          else if (step.kind === 'patch') res = await supervisor.request('PATCH', `/api/v1/cases/${id}`, { body: step.body, headers: ifMatch });
          else if (step.kind === 'move') {
            const tree = await units();
            const target = tree[step.unit % tree.length]!;
            if (target.id === kase.unitId) continue;
            res = await supervisor.post(`/api/v1/cases/${id}/move`, { unitId: target.id, reason: 'random move' }, ifMatch);
          } else {
            if (!kase.pendingApproval) continue;
            const approvals = (await supervisor.get('/api/v1/approvals?status=pending&limit=100')).body.data as any[];
            const approval = approvals.find((a) => a.id === kase.pendingApproval.id);
            res = await supervisor.post(`/api/v1/approvals/${kase.pendingApproval.id}/approve`, {}, { 'if-match': `"${approval?.version ?? 1}"` });
          }
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        }
        const cases = await allCases();
        const expected = recount(cases);
        const dashboard = (await supervisor.get('/api/v1/reports/dashboard')).body.data;
        // Every unit's own counters, and the byUnit of its parent, equal a recount of the cases under it.
        const tree = await units();
        for (const unit of tree) {
          const mine = withoutMonths(recount(cases.filter((c) => c.unitPath.includes(unit.id))));
          const read = (await supervisor.get(`/api/v1/reports/dashboard?unit=${unit.id}`)).body.data;
          expect(dashboardCounts(read), unit.id).toEqual(mine);
          for (const child of tree.filter((other) => other.path.length === unit.path.length + 1 && other.path.at(-2) === unit.id)) {
            expect(dashboardCounts(read.byUnit[child.id]), `${unit.id} > ${child.id}`).toEqual(withoutMonths(recount(cases.filter((c) => c.unitPath.includes(child.id)))));
          }
        }
        const month = new Date().toISOString().slice(0, 7);
        expect({
          openCases: dashboard.openCases, closedCases: dashboard.closedCases, byStage: dashboard.byStage, byRisk: dashboard.byRisk,
          byCategory: dashboard.byCategory, byWorker: dashboard.byWorker, pendingApprovals: dashboard.pendingApprovals,
          newThisMonth: dashboard.monthly[month].new, closedThisMonth: dashboard.monthly[month].closed,
        }).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  }, 300_000);
});
