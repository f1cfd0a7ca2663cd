import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import { importCsv, signInNewUser } from '../support/reports-client.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

let stack: LocalStack;
let caseworker: ApiClient;
let supervisor: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  caseworker = await ApiClient.signIn(stack.url, 'caseworker.vn-na');
  supervisor = await ApiClient.signIn(stack.url, 'supervisor.vn-na');
  admin = await ApiClient.signIn(stack.url, 'admin.vn-na');
});
afterAll(() => stack?.stop());

async function closeCase(kase: { id: string; version: number }) {
  const requested = await caseworker.post(`/api/v1/cases/${kase.id}/close-request`, { reason: 'Safe at home', outcome: 'Reunified' }, ifMatch(kase.version));
  expect(requested.status, JSON.stringify(requested.body)).toBe(200);
  const approvalId = requested.body.data.pendingApproval.id;
  const approved = await supervisor.post(`/api/v1/approvals/${approvalId}/approve`, {}, ifMatch(1));
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return (await caseworker.get(`/api/v1/cases/${kase.id}`)).body.data;
}

describe('dashboard', () => {
  it('counts open cases by stage, risk, category and worker, and pending approvals — kept by the case transactions', async () => {
    const before = (await supervisor.get('/api/v1/reports/dashboard')).body.data;
    const a = (await caseworker.post('/api/v1/cases', newCase({ categories: ['neglect', 'orphan'], riskLevel: 'high' }))).body.data;
    await caseworker.post('/api/v1/cases', newCase({ categories: ['neglect'], riskLevel: 'low' }));
    const afterCreate = (await supervisor.get('/api/v1/reports/dashboard')).body.data;
    expect(afterCreate.openCases).toBe(before.openCases + 2);
    expect(afterCreate.byCategory.neglect).toBe((before.byCategory.neglect ?? 0) + 2);
    expect(afterCreate.byCategory.orphan).toBe((before.byCategory.orphan ?? 0) + 1);
    expect(afterCreate.byRisk.high).toBe((before.byRisk.high ?? 0) + 1);
    expect(afterCreate.byStage.intake).toBe((before.byStage.intake ?? 0) + 2);
    expect(Object.values(afterCreate.byWorker as Record<string, number>).reduce((x, y) => x + y, 0)).toBe(afterCreate.openCases);

    const requested = await caseworker.post(`/api/v1/cases/${a.id}/close-request`, { reason: 'Safe', outcome: 'Reunified' }, ifMatch(a.version));
    const pending = (await supervisor.get('/api/v1/reports/dashboard')).body.data;
    expect(pending.pendingApprovals).toBe(before.pendingApprovals + 1);
    expect(pending.pendingByKind.closure).toBe((before.pendingByKind.closure ?? 0) + 1);
    await supervisor.post(`/api/v1/approvals/${requested.body.data.pendingApproval.id}/approve`, {}, ifMatch(1));
    const closed = (await supervisor.get('/api/v1/reports/dashboard')).body.data;
    expect(closed.openCases).toBe(before.openCases + 1);
    expect(closed.closedCases).toBe(before.closedCases + 1);
    expect(closed.byStage.closed).toBe((before.byStage.closed ?? 0) + 1);
    expect(closed.byCategory.orphan ?? 0).toBe(before.byCategory.orphan ?? 0);
    expect(closed.pendingApprovals).toBe(before.pendingApprovals);
    const month = new Date().toISOString().slice(0, 7);
    expect(closed.monthly[month].new).toBe(before.monthly[month].new + 2);
    expect(closed.monthly[month].closed).toBe(before.monthly[month].closed + 1);
  });

  it('counts overdue follow-ups', async () => {
    const kase = (await caseworker.post('/api/v1/cases', newCase())).body.data;
    const before = (await supervisor.get('/api/v1/reports/dashboard')).body.data.overdueFollowUps;
    const res = await caseworker.post(`/api/v1/cases/${kase.id}/follow-ups`, { dueDate: '2020-01-01', note: 'Home visit' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await supervisor.get('/api/v1/reports/dashboard')).body.data.overdueFollowUps).toBe(before + 1);
  });

  it('is refused to caseworkers and partners', async () => {
    expect((await caseworker.get('/api/v1/reports/dashboard')).status).toBe(403);
    expect((await (await ApiClient.signIn(stack.url, 'ngo.vn-na')).get('/api/v1/reports/dashboard')).status).toBe(403);
  });

  it('gives a parent tenant its children\'s aggregates, without caseloads, counts below 5 masked', async () => {
    const parentAdmin = await ApiClient.signIn(stack.url, 'admin.vn');
    const manager = await signInNewUser(stack.url, parentAdmin, 'manager.vn', ['manager']);
    const res = await manager.get('/api/v1/reports/dashboard?scope=children');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const children = res.body.data.children as any[];
    expect(children.map((c) => c.tenant.id)).toEqual(['vn-na']);
    const child = children[0];
    expect(child.byWorker).toBeUndefined();
    const own = (await supervisor.get('/api/v1/reports/dashboard')).body.data;
    expect(child.openCases).toBe(own.openCases >= 5 ? own.openCases : own.openCases === 0 ? 0 : '<5');
    expect(child.byCategory.orphan ?? 0).toBe((own.byCategory.orphan ?? 0) > 0 && (own.byCategory.orphan ?? 0) < 5 ? '<5' : own.byCategory.orphan ?? 0);
    expect(JSON.stringify(res.body)).not.toContain('Nguyễn');
    // A tenant with no children sees none; a child cannot read its parent.
    expect((await supervisor.get('/api/v1/reports/dashboard?scope=children')).body.data.children).toEqual([]);
  });
});

describe('Circular 02 report', () => {
  const header = 'externalId,fullName,sex,categories,riskLevel,status,openedAt,closedAt';

  beforeAll(async () => {
    // Historical rows at the edges of 2025-H1 (2025-01-01..2025-06-30), in a tenant of their own (mm).
    const mmAdmin = await ApiClient.signIn(stack.url, 'admin.mm');
    const rows = [
      'e1,Opened last day,female,neglect,low,open,2025-06-30,', // managed, new
      'e2,Closed first day,male,orphan,low,closed,2024-03-01,2025-01-01', // managed, closed
      'e3,Closed before,male,neglect,low,closed,2024-03-01,2024-12-31', // nothing
      'e4,Opened after,female,neglect,low,open,2025-07-01,', // nothing
      'e5,Multi category,female,neglect|sexual_abuse|gbv,high,closed,2025-02-10,2025-05-20', // managed, new, closed ×3 categories
      'e6,Long open,other,disability,medium,open,2020-01-01,', // managed
    ];
    const job = await importCsv(mmAdmin, [header, ...rows].join('\n'));
    expect(job.created).toBe(6);
  });

  it('counts managed, new and closed at the edges of the period, once per case and once per category', async () => {
    const mmSupervisor = await ApiClient.signIn(stack.url, 'supervisor.mm');
    const res = await mmSupervisor.get('/api/v1/reports/circular-02?period=2025-H1');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const report = res.body.data;
    expect(report.period).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(report.dueDate).toBe('2025-06-15');
    expect(report.totals).toEqual({ managed: 4, new: 2, closed: 2 });
    expect(report.byCategory.neglect).toEqual({ managed: 2, new: 2, closed: 1 });
    expect(report.byCategory.sexual_abuse).toEqual({ managed: 1, new: 1, closed: 1 });
    expect(report.byCategory.gbv).toEqual({ managed: 1, new: 1, closed: 1 });
    expect(report.byCategory.orphan).toEqual({ managed: 1, new: 0, closed: 1 });
    expect(report.byCategory.trafficking).toEqual({ managed: 0, new: 0, closed: 0 });
    expect(report.bySex.female).toEqual({ managed: 2, new: 2, closed: 1 });
    expect(report.bySex.other).toEqual({ managed: 1, new: 0, closed: 0 });

    const year = (await mmSupervisor.get('/api/v1/reports/circular-02?period=2025')).body.data;
    expect(year.dueDate).toBe('2025-12-15');
    expect(year.totals).toEqual({ managed: 5, new: 3, closed: 2 });
    const adHoc = (await mmSupervisor.get('/api/v1/reports/circular-02?period=2025-06-30..2025-06-30')).body.data;
    expect(adHoc.dueDate).toBeNull();
    expect(adHoc.totals).toEqual({ managed: 2, new: 1, closed: 0 });
    const h2 = (await mmSupervisor.get('/api/v1/reports/circular-02?period=2025-H2')).body.data;
    expect(h2.period).toEqual({ from: '2025-07-01', to: '2025-12-31' });
    expect(h2.dueDate).toBe('2026-01-15');
  });

  it('counts a case closed and reopened within the period once as managed', async () => {
    const kase = (await caseworker.post('/api/v1/cases', newCase({ categories: ['trafficking'] }))).body.data;
    const closed = await closeCase(kase);
    const reopened = await caseworker.post(`/api/v1/cases/${kase.id}/reopen`, { reason: 'Back at risk' }, ifMatch(closed.version));
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const report = (await supervisor.get(`/api/v1/reports/circular-02?period=${today}..${today}`)).body.data;
    expect(report.byCategory.trafficking).toEqual({ managed: 1, new: 1, closed: 1 });
  });

  it('rejects malformed periods', async () => {
    for (const period of ['2025-H3', '2025-02-30..2025-03-01', '2025-03-01..2025-02-01', '']) {
      const res = await supervisor.get(`/api/v1/reports/circular-02?period=${period}`);
      expect(res.status, period).toBe(400);
      expect(res.body.error.details[0].path).toBe('period');
    }
  });

  it('is an XLSX with tenant, period, due date, generation time and numbers as numbers, in the asked language', async () => {
    const mmSupervisor = await ApiClient.signIn(stack.url, 'supervisor.mm');
    const response = await fetch(`${stack.url}/api/v1/reports/circular-02?period=2025-H1&lang=vi`, {
      headers: { authorization: `Bearer ${mmSupervisor.token}`, accept: XLSX },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A2').value).toBe('Đơn vị');
    expect(sheet.getCell('B2').value).toBe('Myanmar');
    expect(sheet.getCell('B3').value).toBe('2025-01-01..2025-06-30');
    expect(sheet.getCell('B4').value).toBe('2025-06-15');
    expect(String(sheet.getCell('B5').value)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(sheet.getCell('B7').value).toBe('Đang quản lý');
    expect(sheet.getCell('A8').value).toBe('Tổng số');
    expect([sheet.getCell('B8').value, sheet.getCell('C8').value, sheet.getCell('D8').value]).toEqual([4, 2, 2]);
    const rows = sheet.getSheetValues() as unknown[][];
    const neglect = rows.find((row) => Array.isArray(row) && row[1] === 'Theo loại: Bỏ mặc');
    expect(neglect?.slice(2, 5)).toEqual([2, 2, 1]);

    const arabic = await fetch(`${stack.url}/api/v1/reports/circular-02?period=2025-H1&lang=ar`, { headers: { authorization: `Bearer ${mmSupervisor.token}`, accept: XLSX } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await arabic.arrayBuffer());
    expect(book.worksheets[0]!.getCell('A8').value).toBe('المجموع');
    expect(book.worksheets[0]!.views[0]?.rightToLeft).toBe(true);
  });

  it('is a CSV on Accept: text/csv', async () => {
    const mmSupervisor = await ApiClient.signIn(stack.url, 'supervisor.mm');
    const res = await mmSupervisor.get('/api/v1/reports/circular-02?period=2025-H1&lang=en', { accept: 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = String(res.body).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Tenant,Myanmar');
    expect(lines).toContain('Total,4,2,2');
    expect(lines).toContain('By category: Neglect,2,2,1');
  });

  it('is refused to caseworkers and tenant admins', async () => {
    expect((await caseworker.get('/api/v1/reports/circular-02?period=2025')).status).toBe(403);
    expect((await admin.get('/api/v1/reports/circular-02?period=2025')).status).toBe(403);
  });
});
