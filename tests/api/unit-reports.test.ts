import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { tenantRepository } from '../../functions/platform/tenant-registry.ts';
import { RecountJobs } from '../../functions/reports/recount-jobs.ts';
import { demoUserId } from '../../infra/local/seed.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const YEAR = new Date().toISOString().slice(0, 4);

let stack: LocalStack;
let admin: ApiClient;
let root: ApiClient;

beforeAll(async () => {
  process.env.SANAD_RATE_LIMIT_PER_MINUTE = '100000';
  stack = await startTestStack();
  admin = await ApiClient.signIn(stack.url, 'admin.mm');
  root = await ApiClient.signIn(stack.url, 'supervisor.mm');
});
afterAll(() => stack?.stop());

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

async function createUnit(id: string, parentId: string, kind: string, en: string, my: string) {
  const res = await admin.post('/api/v1/units', { id, parentId, kind, name: { en, my } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; version: number; path: string[] };
}

async function placedUser(username: string, roles: string[], unitId: string) {
  const created = await admin.post('/api/v1/users', { username, displayName: username, roles, unitId });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return ApiClient.signIn(stack.url, username, created.body.data.temporaryPassword);
}

/** Every case of a unit's subtree, as the root supervisor lists them (the records). */
const casesOf = (unitId: string): Promise<any[]> => root.getAll(`/api/v1/cases?unit=${unitId}&limit=100`);

const tally = (values: string[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});

/** The dashboard's counts as they should be, recounted from the records. */
function recount(cases: any[]) {
  const open = cases.filter((c) => c.status === 'open');
  return {
    openCases: open.length,
    closedCases: cases.length - open.length,
    byStage: tally(cases.map((c) => c.stage)),
    byRisk: tally(open.map((c) => c.riskLevel)),
    byCategory: tally(open.flatMap((c) => c.categories)),
    byWorker: tally(open.map((c) => c.ownerId)),
    pendingApprovals: open.filter((c) => c.pendingApproval).length,
  };
}
const countsOf = (d: any) => ({
  openCases: d.openCases, closedCases: d.closedCases, byStage: d.byStage, byRisk: d.byRisk, byCategory: d.byCategory,
  byWorker: d.byWorker, pendingApprovals: d.pendingApprovals,
});

/** This year's Circular 02 counts of cases all registered this year, recounted from the records. */
function circularRecount(cases: any[]) {
  const all = { managed: cases.length, new: cases.length, closed: cases.filter((c) => c.status === 'closed').length };
  const by = (key: (c: any) => string[]) => {
    const out: Record<string, { managed: number; new: number; closed: number }> = {};
    for (const c of cases) {
      for (const k of new Set(key(c))) {
        const counts = (out[k] ??= { managed: 0, new: 0, closed: 0 });
        counts.managed++;
        counts.new++;
        if (c.status === 'closed') counts.closed++;
      }
    }
    return out;
  };
  return { totals: all, byCategory: by((c) => c.categories), bySex: by((c) => [c.child.sex]) };
}
const nonZero = (counts: Record<string, { managed: number; new: number; closed: number }>) =>
  Object.fromEntries(Object.entries(counts).filter(([, c]) => c.managed + c.new + c.closed > 0));

async function expectDashboardMatches(reader: ApiClient, unitId: string, children: string[]) {
  const res = await reader.get(`/api/v1/reports/dashboard?unit=${unitId}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const dashboard = res.body.data;
  expect(dashboard.unit).toBe(unitId);
  expect(countsOf(dashboard)).toEqual(recount(await casesOf(unitId)));
  expect(Object.keys(dashboard.byUnit).sort()).toEqual([...children].sort());
  for (const child of children) expect(countsOf(dashboard.byUnit[child]), child).toEqual(recount(await casesOf(child)));
  return dashboard;
}

async function expectCircularMatches(reader: ApiClient, unitId: string, children: string[]) {
  const res = await reader.get(`/api/v1/reports/circular-02?period=${YEAR}&unit=${unitId}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const report = res.body.data;
  expect(report.unit).toBe(unitId);
  const expected = circularRecount(await casesOf(unitId));
  expect(report.totals).toEqual(expected.totals);
  expect(nonZero(report.byCategory)).toEqual(expected.byCategory);
  expect(nonZero(report.bySex)).toEqual(expected.bySex);
  expect(Object.keys(report.byUnit).sort()).toEqual([...children].sort());
  for (const child of children) {
    const mine = circularRecount(await casesOf(child));
    expect(report.byUnit[child].totals, child).toEqual(mine.totals);
    expect(nonZero(report.byUnit[child].byCategory)).toEqual(mine.byCategory);
    expect(nonZero(report.byUnit[child].bySex)).toEqual(mine.bySex);
  }
  return report;
}

/** Waits until the dashboard no longer says `recounting`. */
async function untilRecounted(reader: ApiClient) {
  for (let i = 0; i < 100; i++) {
    if (!(await reader.get('/api/v1/reports/dashboard')).body.data.recounting) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the recount did not finish');
}

describe('reports by unit', () => {
  let regionSupervisor: ApiClient;
  let districtBSupervisor: ApiClient;
  let workerA1: ApiClient;
  let workerB: ApiClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await createUnit('rpt-north', 'mm', 'region', 'North Region', 'မြောက်ပိုင်း');
    await createUnit('rpt-a', 'rpt-north', 'district', 'District A', 'ခရိုင် က');
    await createUnit('rpt-b', 'rpt-north', 'district', 'District B', 'ခရိုင် ခ');
    await createUnit('rpt-a1', 'rpt-a', 'commune', 'Commune A1', 'ကျေးရွာ က၁');
    await createUnit('rpt-south', 'mm', 'region', 'South Region', 'တောင်ပိုင်း');
    regionSupervisor = await placedUser('supervisor.rpt-north', ['supervisor'], 'rpt-north');
    districtBSupervisor = await placedUser('supervisor.rpt-b', ['supervisor'], 'rpt-b');
    workerA1 = await placedUser('worker.rpt-a1', ['caseworker'], 'rpt-a1');
    workerB = await placedUser('worker.rpt-b', ['caseworker'], 'rpt-b');

    const register = async (client: ApiClient, name: string, body: Record<string, unknown>) => {
      const res = await client.post('/api/v1/cases', newCase(body));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids[name] = res.body.data.id;
      return res.body.data;
    };
    await register(workerA1, 'a1-girl', { categories: ['neglect', 'orphan'], riskLevel: 'high' });
    await register(workerA1, 'a1-boy', { child: { fullName: 'Maung Maung', sex: 'male' }, categories: ['child_labour'], riskLevel: 'low' });
    await register(workerB, 'b-girl', { categories: ['neglect'], riskLevel: 'medium' });
    const closing = await register(workerB, 'b-closed', { child: { fullName: 'Ma Hla', sex: 'female' }, categories: ['disability'], riskLevel: 'low' });
    await register(regionSupervisor, 'a-direct', { unitId: 'rpt-a', categories: ['gbv'], riskLevel: 'high' });

    // One case closed: the owner asks, a supervisor above the case decides.
    const asked = await workerB.post(`/api/v1/cases/${closing.id}/close-request`, { reason: 'Reunified', outcome: 'Safe at home' }, ifMatch(closing.version));
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const approvalId = asked.body.data.pendingApproval.id;
    const approval = (await districtBSupervisor.get('/api/v1/approvals?status=pending&limit=100')).body.data.find((a: any) => a.id === approvalId);
    const decided = await districtBSupervisor.post(`/api/v1/approvals/${approvalId}/approve`, {}, ifMatch(approval?.version ?? 1));
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect((await root.get(`/api/v1/cases/${closing.id}`)).body.data.status).toBe('closed');
  }, 60_000);

  it('gives each unit and each of its children the counts of a recount of their cases', async () => {
    const region = await expectDashboardMatches(regionSupervisor, 'rpt-north', ['rpt-a', 'rpt-b']);
    expect(region).toMatchObject({ openCases: 4, closedCases: 1, recounting: false });
    expect(region.byUnit['rpt-a'].openCases).toBe(3);
    expect(region.byUnit['rpt-b']).toMatchObject({ openCases: 1, closedCases: 1 });
    await expectDashboardMatches(regionSupervisor, 'rpt-a', ['rpt-a1']);
    await expectDashboardMatches(root, 'rpt-a1', []);
    // The root's dashboard is the tenant's; its children are the regions.
    const tenant = (await root.get('/api/v1/reports/dashboard')).body.data;
    expect(tenant.unit).toBe('mm');
    expect(tenant.byUnit['rpt-north'].openCases).toBe(4);
    expect(tenant.byUnit['rpt-south'].openCases).toBe(0);
  });

  it('reads the caller\'s home unit by default, and answers 404 outside the scope', async () => {
    const own = (await districtBSupervisor.get('/api/v1/reports/dashboard')).body.data;
    expect(own).toMatchObject({ unit: 'rpt-b', openCases: 1, closedCases: 1, byUnit: {} });
    const notFound = await districtBSupervisor.get('/api/v1/reports/dashboard?unit=rpt-a');
    expect(notFound.status).toBe(404);
    expect(notFound.body).toEqual((await districtBSupervisor.get('/api/v1/reports/dashboard?unit=no-such-unit')).body);
    expect((await districtBSupervisor.get('/api/v1/reports/dashboard?unit=mm')).status).toBe(404);
    expect((await districtBSupervisor.get(`/api/v1/reports/circular-02?period=${YEAR}&unit=rpt-north`)).status).toBe(404);
    expect((await districtBSupervisor.get(`/api/v1/reports/circular-02?period=${YEAR}`)).body.data.unit).toBe('rpt-b');
    expect((await workerB.get('/api/v1/reports/dashboard')).status).toBe(403);
  });

  it('gives Circular 02 per unit and byUnit, equal to a recount', async () => {
    const report = await expectCircularMatches(regionSupervisor, 'rpt-north', ['rpt-a', 'rpt-b']);
    expect(report.totals).toEqual({ managed: 5, new: 5, closed: 1 });
    expect(report.byUnit['rpt-b'].totals).toEqual({ managed: 2, new: 2, closed: 1 });
    await expectCircularMatches(root, 'rpt-a', ['rpt-a1']);
  });

  it('carries a block per child unit in the CSV and a sheet per child unit in the XLSX, named in the report language', async () => {
    const csv = await regionSupervisor.get(`/api/v1/reports/circular-02?period=${YEAR}&lang=en`, { accept: 'text/csv' });
    expect(csv.status).toBe(200);
    const lines = String(csv.body).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Tenant,Myanmar');
    expect(lines).toContain('Unit,North Region');
    expect(lines.indexOf('Total,5,5,1')).toBeLessThan(lines.indexOf('Unit,District A'));
    const blockB = lines.indexOf('Unit,District B');
    expect(blockB).toBeGreaterThan(0);
    expect(lines[blockB + 2]).toBe('Total,2,2,1');
    expect(lines.slice(blockB)).toContain('By category: Disability,1,1,1');

    const response = await fetch(`${stack.url}/api/v1/reports/circular-02?period=${YEAR}&lang=my`, { headers: { authorization: `Bearer ${regionSupervisor.token}`, accept: XLSX } });
    expect(response.headers.get('content-type')).toBe(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Circular 02', 'ခရိုင် က', 'ခရိုင် ခ']);
    expect(book.worksheets[0]!.getCell('B6').value).toBe('မြောက်ပိုင်း');
    expect([book.worksheets[0]!.getCell('B8').value, book.worksheets[0]!.getCell('C8').value, book.worksheets[0]!.getCell('D8').value]).toEqual([5, 5, 1]);
    const sheetB = book.worksheets[2]!;
    expect(sheetB.getCell('B6').value).toBe('ခရိုင် ခ');
    expect([sheetB.getCell('B8').value, sheetB.getCell('C8').value, sheetB.getCell('D8').value]).toEqual([2, 2, 1]);
  });

  it('counts overdue follow-ups per unit subtree', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const added = await workerB.post(`/api/v1/cases/${ids['b-girl']}/follow-ups`, { dueDate: yesterday, note: 'Home visit' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const region = (await regionSupervisor.get('/api/v1/reports/dashboard')).body.data;
    expect(region.overdueFollowUps).toBe(1);
    expect([region.byUnit['rpt-a'].overdueFollowUps, region.byUnit['rpt-b'].overdueFollowUps]).toEqual([0, 1]);
    expect((await districtBSupervisor.get('/api/v1/reports/dashboard')).body.data.overdueFollowUps).toBe(1);
  });

  it('moves the counts with a case that moves to another unit', async () => {
    const kase = (await root.get(`/api/v1/cases/${ids['b-girl']}`)).body.data;
    const moved = await regionSupervisor.post(`/api/v1/cases/${kase.id}/move`, { unitId: 'rpt-a1', reason: 'The family moved' }, ifMatch(kase.version));
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const region = await expectDashboardMatches(regionSupervisor, 'rpt-north', ['rpt-a', 'rpt-b']);
    expect(region.byUnit['rpt-a'].openCases).toBe(4);
    expect(region.byUnit['rpt-b'].openCases).toBe(0);
    expect([region.byUnit['rpt-a'].overdueFollowUps, region.byUnit['rpt-b'].overdueFollowUps]).toEqual([1, 0]);
    await expectDashboardMatches(root, 'rpt-a', ['rpt-a1']);
    await expectCircularMatches(regionSupervisor, 'rpt-north', ['rpt-a', 'rpt-b']);
  });

  it('re-counts in the background when a unit with cases moves under a new parent', async () => {
    const units = (await admin.get('/api/v1/units')).body.data as { id: string; version: number }[];
    const districtA = units.find((u) => u.id === 'rpt-a')!;
    const res = await admin.request('PATCH', '/api/v1/units/rpt-a', { body: { parentId: 'rpt-south' }, headers: ifMatch(districtA.version) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await untilRecounted(root);
    const moved = (await root.get(`/api/v1/cases/${ids['a1-girl']}`)).body.data;
    expect(moved.unitPath).toEqual(['mm', 'rpt-south', 'rpt-a', 'rpt-a1']);
    const history = (await root.get(`/api/v1/cases/${moved.id}/history`)).body.data as { action: string }[];
    expect(history.at(-1)?.action).toBe('unit-moved');
    expect((await root.get(`/api/v1/cases/${moved.id}/history/verify`)).body.data.valid).toBe(true);
    const tenant = await expectDashboardMatches(root, 'mm', Object.keys((await root.get('/api/v1/reports/dashboard')).body.data.byUnit));
    expect(tenant.byUnit['rpt-north'].openCases).toBe(0);
    expect(tenant.byUnit['rpt-south'].openCases).toBe(4);
    // The moved case's open follow-up is listed in its new subtree too (the recount put it again with new keys).
    expect([tenant.byUnit['rpt-north'].overdueFollowUps, tenant.byUnit['rpt-south'].overdueFollowUps]).toEqual([0, 1]);
    await expectDashboardMatches(root, 'rpt-south', ['rpt-a']);
    await expectDashboardMatches(root, 'rpt-north', ['rpt-b']);
    await expectDashboardMatches(root, 'rpt-a', ['rpt-a1']);
    await expectCircularMatches(root, 'rpt-south', ['rpt-a']);
    await expectCircularMatches(root, 'rpt-north', ['rpt-b']);
    // The case lists follow too: the region supervisor no longer sees the moved district's cases.
    expect((await regionSupervisor.get(`/api/v1/cases/${ids['a1-girl']}`)).status).toBe(404);
  }, 60_000);

  it('says recounting while a job runs, resumes a stalled job on the next report, and never counts a case twice', async () => {
    // A job stored as PATCH /units stores it, whose worker never ran (the process died after the answer):
    // rpt-b has not moved, so every case of it is already where it belongs and nothing may change.
    const before = countsOf((await root.get('/api/v1/reports/dashboard?unit=rpt-north')).body.data);
    const job = await new RecountJobs(tenantRepository('mm')).create('rpt-b', 2, { userId: demoUserId('admin.mm'), username: 'admin.mm' });
    const first = (await root.get('/api/v1/reports/dashboard?unit=rpt-north')).body.data;
    expect(first.recounting).toBe(true);
    expect((await root.get(`/api/v1/reports/circular-02?period=${YEAR}`)).body.data.recounting).toBeTypeOf('boolean');
    await untilRecounted(root);
    expect(await new RecountJobs(tenantRepository('mm')).get(job.id)).toMatchObject({ status: 'completed', processed: 1, moved: 0 });
    expect(countsOf((await root.get('/api/v1/reports/dashboard?unit=rpt-north')).body.data)).toEqual(before);
    await expectDashboardMatches(root, 'rpt-north', ['rpt-b']);
  });
});
