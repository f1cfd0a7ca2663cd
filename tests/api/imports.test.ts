import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { ImportJobs } from '../../functions/imports/import-jobs.ts';
import { handler as importWorker } from '../../functions/imports/import-worker.ts';
import { rowsFromCsv } from '../../functions/imports/import-rows.ts';
import { tenantRepository } from '../../functions/platform/tenant-registry.ts';
import { demoUserId } from '../../infra/local/seed.ts';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient } from '../support/api-client.ts';
import { importCsv, signInNewUser, waitForImport } from '../support/reports-client.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = 'externalId,fullName,sex,dateOfBirth,location,categories,riskLevel,status,openedAt,closedAt';

let stack: LocalStack;
let supervisor: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  supervisor = await ApiClient.signIn(stack.url, 'supervisor.vn-na');
  admin = await ApiClient.signIn(stack.url, 'admin.vn-na');
});
afterAll(() => stack?.stop());

const dashboard = async () => (await supervisor.get('/api/v1/reports/dashboard')).body.data;

describe('register import', () => {
  const good = [
    'na-1,Nguyễn Thị Hồng,female,2014-05-01,Vinh,neglect|orphan,high,,2024-02-01,',
    'na-2,"Trần Văn, Nam",male,,,disability,low,closed,2023-01-05,2024-06-30',
  ];
  const bad = [
    'na-3,,female,,,neglect,low,,,', // no name
    'na-4,Lê Thị Mai,female,2014-13-01,,neglect,extreme,,,', // bad date, bad risk
    ',No id,male,,,neglect,low,,,', // no externalId
    'na-5,Closed without date,male,,,neglect,low,closed,2024-01-01,',
    'na-1,Repeat of row 1,female,,,neglect,low,,,',
  ];

  it('creates valid rows, reports the failed ones by row and column, and a re-import changes nothing', async () => {
    const before = await dashboard();
    const job = await importCsv(admin, [HEADER, ...good, ...bad].join('\n'));
    expect(job).toMatchObject({ status: 'completed', rows: 7, processed: 7, created: 2, unchanged: 0, possibleDuplicates: 0 });
    expect(job.failed.map((f: any) => f.row)).toEqual([3, 4, 5, 6, 7]);
    expect(job.failed[0].errors).toEqual([{ path: 'fullName', message: expect.any(String) }]);
    expect(job.failed[1].errors.map((e: any) => e.path).sort()).toEqual(['dateOfBirth', 'riskLevel']);
    expect(job.failed[2].errors.map((e: any) => e.path)).toEqual(['externalId']);
    expect(job.failed[3].errors.map((e: any) => e.path)).toEqual(['closedAt']);
    expect(job.failed[4].errors).toEqual([{ path: 'externalId', message: 'Repeats row 1' }]);

    const after = await dashboard();
    expect(after.openCases).toBe(before.openCases + 1);
    expect(after.closedCases).toBe(before.closedCases + 1);
    expect(after.byCategory.orphan).toBe((before.byCategory.orphan ?? 0) + 1);

    const cases = (await supervisor.get('/api/v1/cases?limit=100')).body.data as any[];
    const hong = cases.find((c) => c.child.fullName === 'Nguyễn Thị Hồng');
    expect(hong).toMatchObject({ status: 'open', stage: 'intake', riskLevel: 'high', categories: ['neglect', 'orphan'], createdAt: '2024-02-01T00:00:00.000Z' });
    expect(hong.caseNumber).toMatch(/^[A-Z]+-2024-\d{6}$/);
    const nam = cases.find((c) => c.child.fullName === 'Trần Văn, Nam');
    expect(nam).toMatchObject({ status: 'closed', stage: 'closed', closure: { closedAt: '2024-06-30T00:00:00.000Z' } });
    const history = (await supervisor.get(`/api/v1/cases/${nam.id}/history`)).body.data;
    expect(history.map((h: any) => h.action)).toEqual(['import']);

    const again = await importCsv(admin, [HEADER, ...good].join('\n'));
    expect(again).toMatchObject({ status: 'completed', rows: 2, created: 0, unchanged: 2, failed: [] });
    expect(await dashboard()).toMatchObject({ openCases: after.openCases, closedCases: after.closedCases });
  });

  it('offers the failed rows as CSV, as they were sent, with their errors', async () => {
    const started = await admin.request('POST', '/api/v1/imports/cases', { rawBody: [HEADER, ...bad.slice(0, 2)].join('\n'), headers: { 'content-type': 'text/csv' } });
    await waitForImport(admin, started.body.data.id);
    const res = await admin.get(`/api/v1/imports/${started.body.data.id}/failed.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = String(res.body).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe(`row,${HEADER},errors`);
    expect(lines[1]).toMatch(/^1,na-3,,female,,,neglect,low,,,,"?fullName: /);
    expect(lines[2]).toMatch(/^2,na-4,Lê Thị Mai,female,2014-13-01,,neglect,extreme,,,,/);
  });

  it('flags created rows that may be a child the tenant has, or another row of the file, and lists them as CSV', async () => {
    const existing = (await supervisor.post('/api/v1/cases', {
      child: { fullName: 'Vũ Thị Thanh Hương', sex: 'female', dateOfBirth: '2013-04-02' }, categories: ['neglect'], riskLevel: 'low',
    })).body.data;
    const rows = [
      'dup-1,Vu Thi Thanh Huong,female,2013-09-30,,neglect,low,,2024-01-01,', // the registered child, typed without diacritics
      'dup-2,Đặng Văn Tùng,male,2011-01-01,,orphan,low,,2024-01-01,',
      'dup-3,Dang Van Tung,male,2011-06-01,,orphan,low,,2024-01-01,', // the row above again, under another id
      'dup-4,Vũ Thị Lan,female,2013-04-02,,orphan,low,,2024-01-01,', // same family name, another given name: not flagged
      'dup-5,Quách Minh Khôi,male,2012-02-02,,orphan,low,,2024-01-01,',
    ];
    const job = await importCsv(admin, [HEADER, ...rows].join('\n'));
    expect(job).toMatchObject({ status: 'completed', created: 5, possibleDuplicates: 3 });
    const res = await admin.get(`/api/v1/imports/${job.id}/duplicates.csv`);
    expect(res.status).toBe(200);
    const [header, ...lines] = String(res.body).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header).toBe('row,externalId,fullName,caseNumber,possibleDuplicates');
    expect(lines.map((line) => line.split(',').slice(0, 3).join(','))).toEqual(['1,dup-1,Vu Thi Thanh Huong', '2,dup-2,Đặng Văn Tùng', '3,dup-3,Dang Van Tung']);
    expect(lines[0]).toContain(`${existing.caseNumber} (1)`);
    const caseNumberOf = (line: string) => line.split(',')[3]!;
    expect(lines[1]).toContain(`${caseNumberOf(lines[2]!)} (1)`);
    expect(lines[2]).toContain(`${caseNumberOf(lines[1]!)} (1)`);
    // Re-importing the same file creates nothing, so flags nothing new.
    expect(await importCsv(admin, [HEADER, ...rows].join('\n'))).toMatchObject({ created: 0, unchanged: 5, possibleDuplicates: 0 });
  });

  it("checks each row with the tenant's form: answers in fields.<id> columns, typed, required, skip logic and categories", async () => {
    const egAdmin = await ApiClient.signIn(stack.url, 'admin.eg');
    const form = {
      sections: [{
        id: 'family', title: { en: 'Family' },
        fields: [
          { id: 'siblings', type: 'number', required: true, label: { en: 'Siblings' } },
          { id: 'inSchool', type: 'boolean', label: { en: 'In school' } },
          { id: 'schoolName', type: 'text', required: true, label: { en: 'School' }, showIf: { field: 'inSchool', equals: true } },
        ],
      }],
    };
    expect((await egAdmin.request('PUT', '/api/v1/forms/case', { body: form, headers: { 'if-match': '"1"' } })).status).toBe(200);
    const header = `${HEADER},fields.siblings,fields.inSchool,fields.schoolName`;
    const rows = [
      'eg-1,أحمد محمود,male,2014-01-01,,neglect,low,,2025-01-01,,3,نعم,مدرسة النور',
      'eg-2,منى علي,female,,,neglect,low,,2025-01-01,,,,', // siblings missing
      'eg-3,سارة حسن,female,,,neglect,low,,2025-01-01,,two,,', // not a number
      'eg-4,يوسف سمير,male,,,no_such_category,low,,2025-01-01,,1,,',
      'eg-5,ليلى كمال,female,,,orphan,low,,2025-01-01,,0,لا,مدرسة مخفية', // the school is hidden when not in school
      'eg-6,عمر فاروق,male,,,orphan,low,,2025-01-01,,2,yes,', // in school, but which school?
    ];
    const job = await importCsv(egAdmin, [header, ...rows].join('\n'));
    expect(job).toMatchObject({ status: 'completed', created: 2 });
    expect(Object.fromEntries(job.failed.map((f: any) => [f.row, f.errors.map((e: any) => e.path)]))).toEqual({
      2: ['fields.siblings'], 3: ['fields.siblings'], 4: ['categories'], 6: ['fields.schoolName'],
    });
    const egSupervisor = await ApiClient.signIn(stack.url, 'supervisor.eg');
    const cases = (await egSupervisor.get('/api/v1/cases?limit=100')).body.data as any[];
    expect(cases.find((c) => c.child.fullName === 'أحمد محمود')).toMatchObject({ fields: { siblings: 3, inSchool: true, schoolName: 'مدرسة النور' }, formVersion: 2 });
    expect(cases.find((c) => c.child.fullName === 'ليلى كمال').fields).toEqual({ siblings: 0, inSchool: false });
    const failedCsv = String((await egAdmin.get(`/api/v1/imports/${job.id}/failed.csv`)).body).replace(/^\uFEFF/, '').split('\r\n');
    expect(failedCsv[0]).toBe(`row,${HEADER},fields.inSchool,fields.siblings,errors`);
    expect(failedCsv[2]).toMatch(/^3,eg-3,سارة حسن,.*,,two,"?fields\.siblings: /);
  });

  it('reads an XLSX workbook (dates as dates)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Register');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['x-1', 'Phạm Thị Lan', 'female', new Date('2015-03-04T00:00:00Z'), 'Vinh', 'child_labour', 'medium', 'open', new Date('2025-01-10T00:00:00Z')]);
    sheet.addRow(['x-2', 'Hoàng Văn Minh', 'male', null, null, 'orphan', 'low']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const started = await fetch(`${stack.url}/api/v1/imports/cases`, {
      method: 'POST', headers: { authorization: `Bearer ${supervisor.token}`, 'content-type': XLSX }, body: bytes,
    });
    const body = (await started.json()) as any;
    expect(started.status, JSON.stringify(body)).toBe(202);
    const job = await waitForImport(supervisor, body.data.id);
    expect(job).toMatchObject({ status: 'completed', rows: 2, created: 2, failed: [] });
    const lan = ((await supervisor.get('/api/v1/cases?limit=100')).body.data as any[]).find((c) => c.child.fullName === 'Phạm Thị Lan');
    expect(lan).toMatchObject({ child: { dateOfBirth: '2015-03-04', location: 'Vinh' }, createdAt: '2025-01-10T00:00:00.000Z' });
  });

  it('resumes a job from its saved cursor when its worker died', async () => {
    const csv = [HEADER, ...Array.from({ length: 450 }, (_, i) => `r-${i},Child ${i},female,,,neglect,low,,2025-01-01,`)].join('\n');
    // A job stored as the POST stores it, whose worker never ran (the process died after the 202).
    const jobs = new ImportJobs(tenantRepository('vn-na'));
    const job = await jobs.create('00000000-0000-4000-8000-000000000001', rowsFromCsv(Buffer.from(csv)), { userId: demoUserId('admin.vn-na'), username: 'admin.vn-na' });
    expect(job).toMatchObject({ status: 'running', chunks: 3, cursor: 0 });
    const done = await waitForImport(admin, job.id);
    expect(done).toMatchObject({ status: 'completed', rows: 450, processed: 450, created: 450, unchanged: 0 });
  });

  it('the import worker (AWS) works a stored job to the end from its tenant and id, and nothing of another tenant', async () => {
    const csv = [HEADER, ...Array.from({ length: 30 }, (_, i) => `w-${i},Worker Child ${i},male,,,orphan,low,,2025-02-01,`)].join('\n');
    const jobs = new ImportJobs(tenantRepository('vn-na'));
    const job = await jobs.create('00000000-0000-4000-8000-000000000002', rowsFromCsv(Buffer.from(csv)), { userId: demoUserId('admin.vn-na'), username: 'admin.vn-na' });
    await expect(importWorker({ tenantId: 'mm', importId: job.id })).rejects.toThrow(/not found/i);
    await expect(importWorker({ tenantId: 'vn-na' })).rejects.toThrow();
    await importWorker({ tenantId: 'vn-na', importId: job.id });
    expect(await jobs.get(job.id)).toMatchObject({ status: 'completed', processed: 30, created: 30 });
  });

  it('refuses callers without import.create, and bodies that are not CSV or XLSX', async () => {
    const caseworker = await ApiClient.signIn(stack.url, 'caseworker.vn-na');
    expect((await caseworker.request('POST', '/api/v1/imports/cases', { rawBody: HEADER, headers: { 'content-type': 'text/csv' } })).status).toBe(403);
    expect((await admin.post('/api/v1/imports/cases', { rows: [] })).status).toBe(400);
    const noId = await admin.request('POST', '/api/v1/imports/cases', { rawBody: 'fullName,sex\nA,female', headers: { 'content-type': 'text/csv' } });
    expect(noId.status).toBe(400);
    expect((await admin.get('/api/v1/imports/00000000-0000-4000-8000-00000000ffff')).status).toBe(404);
    const other = await ApiClient.signIn(stack.url, 'admin.mm');
    const started = await admin.request('POST', '/api/v1/imports/cases', { rawBody: HEADER, headers: { 'content-type': 'text/csv' } });
    expect((await other.get(`/api/v1/imports/${started.body.data.id}`)).status).toBe(404);
  });
});

describe('case export', () => {
  it('exports the tenant\'s cases as CSV and XLSX for managers and supervisors, audited', async () => {
    const manager = await signInNewUser(stack.url, admin, 'manager.vn-na', ['manager']);
    const csv = await manager.get('/api/v1/exports/cases?format=csv');
    expect(csv.status).toBe(200);
    const lines = String(csv.body).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^caseNumber,id,status,stage,riskLevel,categories,fullName,sex/);
    expect(lines.some((line) => line.includes('Nguyễn Thị Hồng') && line.includes('neglect|orphan'))).toBe(true);
    expect(lines.some((line) => line.includes('"Trần Văn, Nam"'))).toBe(true);

    const response = await fetch(`${stack.url}/api/v1/exports/cases?format=xlsx`, { headers: { authorization: `Bearer ${supervisor.token}` } });
    expect(response.headers.get('content-type')).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets[0]!.rowCount).toBe(lines.length);

    const audit = await tenantRepository('vn-na').query({ partition: `AUDIT#EXPORT#${new Date().toISOString().slice(0, 7)}`, limit: 10 });
    expect(audit.items.map((item) => [item.username, item.format])).toEqual(expect.arrayContaining([['manager.vn-na', 'csv'], ['supervisor.vn-na', 'xlsx']]));
  });

  it('is refused to caseworkers and tenant admins', async () => {
    const caseworker = await ApiClient.signIn(stack.url, 'caseworker.vn-na');
    expect((await caseworker.get('/api/v1/exports/cases')).status).toBe(403);
    expect((await admin.get('/api/v1/exports/cases')).status).toBe(403);
  });
});
