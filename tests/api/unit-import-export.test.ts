import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { ImportJobs } from '../../functions/imports/import-jobs.ts';
import { handler as importWorker } from '../../functions/imports/import-worker.ts';
import { importedCaseId } from '../../functions/imports/case-importer.ts';
import { rowsFromCsv } from '../../functions/imports/import-rows.ts';
import { tenantRepository } from '../../functions/platform/tenant-registry.ts';
import { demoUserId } from '../../infra/local/seed.ts';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient } from '../support/api-client.ts';
import { importCsv } from '../support/reports-client.ts';

/**
 * Import and export follow the unit tree (API.md "Units"), on the demo tree of Nghe An:
 * vn-na → vinh (ben-thuy, hung-binh), dien-chau (dien-hong); supervisor.vinh works in Vinh.
 */
const HEADER = 'externalId,fullName,sex,dateOfBirth,location,categories,riskLevel,status,openedAt,closedAt,unit';

let stack: LocalStack;
let vinh: ApiClient;
let root: ApiClient;
let admin: ApiClient;
let dienChau: ApiClient;

async function placedUser(username: string, roles: string[], unitId: string): Promise<ApiClient> {
  const created = await admin.post('/api/v1/users', { username, displayName: username, roles, unitId });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return ApiClient.signIn(stack.url, username, created.body.data.temporaryPassword);
}

const csvLines = (body: unknown) => String(body).replace(/^\uFEFF/, '').trim().split('\r\n');

beforeAll(async () => {
  process.env.SANAD_RATE_LIMIT_PER_MINUTE = '100000';
  stack = await startTestStack();
  [vinh, root, admin] = await Promise.all([
    ApiClient.signIn(stack.url, 'supervisor.vinh'), ApiClient.signIn(stack.url, 'supervisor.vn-na'), ApiClient.signIn(stack.url, 'admin.vn-na'),
  ]);
  dienChau = await placedUser('supervisor.dien-chau', ['supervisor'], 'dien-chau');
  // A deactivated commune under Vinh (nobody in it yet).
  const closed = await admin.post('/api/v1/units', { id: 'vinh-old', parentId: 'vinh', kind: 'commune', name: { en: 'Old ward', vi: 'Phường cũ' } });
  expect(closed.status, JSON.stringify(closed.body)).toBe(201);
  expect((await admin.request('PATCH', '/api/v1/units/vinh-old', { body: { active: false }, headers: { 'if-match': '"1"' } })).status).toBe(200);
});
afterAll(() => stack?.stop());

describe('register import by unit', () => {
  it('places rows in their unit inside the importer\'s scope (default their home unit); others fail at unit, good rows go on', async () => {
    const job = await importCsv(vinh, [
      HEADER,
      'u-1,Nguyễn Văn Khoa,male,2013-01-01,,neglect,low,,2025-01-01,', // no unit: the importer's (vinh)
      'u-2,Trần Thị Yến,female,2014-02-02,,orphan,low,,2025-01-01,,ben-thuy', // below the importer's unit
      'u-3,Lê Văn Hải,male,2012-03-03,,neglect,low,,2025-01-01,,dien-hong', // another district: outside the scope
      'u-4,Phan Thị Thu,female,2012-04-04,,neglect,low,,2025-01-01,,nowhere', // no such unit
      'u-5,Võ Văn Lâm,male,2012-05-05,,neglect,low,,2025-01-01,,vinh-old', // deactivated
      'u-6,,female,,,neglect,low,,,,vn-na', // two problems: no name, and the root is above the importer
    ].join('\n'));
    expect(job, JSON.stringify(job.failed)).toMatchObject({ status: 'completed', rows: 6, created: 2 });
    expect(job.failed).toEqual([
      { row: 3, errors: [{ path: 'unit', message: expect.any(String) }] },
      { row: 4, errors: [{ path: 'unit', message: expect.any(String) }] },
      { row: 5, errors: [{ path: 'unit', message: expect.stringMatching(/deactivated/) }] },
      { row: 6, errors: expect.arrayContaining([expect.objectContaining({ path: 'fullName' }), expect.objectContaining({ path: 'unit' })]) },
    ]);
    const [first, second] = await Promise.all(['u-1', 'u-2'].map((id) => vinh.get(`/api/v1/cases/${importedCaseId('vn-na', id)}`)));
    expect(first!.body.data).toMatchObject({ unitId: 'vinh', unitPath: ['vn-na', 'vinh'] });
    expect(second!.body.data).toMatchObject({ unitId: 'ben-thuy', unitPath: ['vn-na', 'vinh', 'ben-thuy'] });
    // Out of Dien Chau's scope, in the root's.
    expect((await dienChau.get(`/api/v1/cases/${importedCaseId('vn-na', 'u-2')}`)).status).toBe(404);
    expect((await root.get(`/api/v1/cases/${importedCaseId('vn-na', 'u-2')}`)).status).toBe(200);

    // failed.csv keeps the unit column as sent.
    const failed = csvLines((await vinh.get(`/api/v1/imports/${job.id}/failed.csv`)).body);
    expect(failed[0]).toBe(`row,${HEADER},errors`);
    expect(failed[1]).toMatch(/^3,u-3,Lê Văn Hải,.*,2025-01-01,,dien-hong,"?unit: /);

    // The job belongs to Vinh: the root's supervisor sees it, Dien Chau's does not (the same 404 as no job).
    expect((await root.get(`/api/v1/imports/${job.id}`)).status).toBe(200);
    const hidden = await dienChau.get(`/api/v1/imports/${job.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual((await dienChau.get('/api/v1/imports/00000000-0000-4000-8000-00000000ffff')).body);
    expect((await dienChau.get(`/api/v1/imports/${job.id}/failed.csv`)).status).toBe(404);
  });

  it('the worker (no request) checks rows in the scope the job remembered', async () => {
    const csv = [HEADER, 'w-1,Đinh Văn Tài,male,,,orphan,low,,2025-02-01,,hung-binh', 'w-2,Đinh Thị Na,female,,,orphan,low,,2025-02-01,,dien-hong'].join('\n');
    const jobs = new ImportJobs(tenantRepository('vn-na'));
    const job = await jobs.create('00000000-0000-4000-8000-0000000000a1', rowsFromCsv(Buffer.from(csv)), { userId: demoUserId('supervisor.vinh'), username: 'supervisor.vinh' }, 'vinh');
    await importWorker({ tenantId: 'vn-na', importId: job.id });
    expect(await jobs.get(job.id)).toMatchObject({ status: 'completed', processed: 2, created: 1, failedCount: 1 });
    expect((await jobs.failures(job.id)).map((f) => [f.row, f.errors.map((e) => e.path)])).toEqual([[2, ['unit']]]);
    expect((await root.get(`/api/v1/cases/${importedCaseId('vn-na', 'w-1')}`)).body.data.unitId).toBe('hung-binh');
  });
});

describe('case export by unit', () => {
  it('exports the caller\'s subtree only, with the unit\'s name in the export language and its id; ?unit= narrows, 404 outside', async () => {
    const lines = csvLines((await vinh.get('/api/v1/exports/cases?format=csv')).body);
    const header = lines[0]!.split(',');
    expect(header).toEqual(expect.arrayContaining(['unit', 'unitId']));
    const unitIds = lines.slice(1).map((line) => line.split(',')[header.indexOf('unitId')]);
    expect(unitIds.length).toBeGreaterThan(0);
    for (const id of unitIds) expect(['vinh', 'ben-thuy', 'hung-binh']).toContain(id);
    expect(lines.some((line) => line.includes('Phạm Quốc Bảo') && line.includes('Phường Bến Thủy,ben-thuy'))).toBe(true);
    expect(lines.some((line) => line.includes('Cao Xuân Khải'))).toBe(false); // Dien Hong's
    expect(lines.some((line) => line.includes('Lê Thị Mai'))).toBe(false); // the root's

    const english = csvLines((await vinh.get('/api/v1/exports/cases?format=csv&unit=ben-thuy&lang=en')).body);
    expect(english.length).toBeGreaterThan(1);
    for (const line of english.slice(1)) expect(line).toContain('Ben Thuy Ward,ben-thuy');

    for (const unit of ['dien-chau', 'vn-na', 'nowhere']) expect((await vinh.get(`/api/v1/exports/cases?unit=${unit}`)).status).toBe(404);
    const all = csvLines((await root.get('/api/v1/exports/cases?format=csv')).body);
    expect(all.some((line) => line.includes('Cao Xuân Khải'))).toBe(true);
    expect(all.some((line) => line.includes('Lê Thị Mai'))).toBe(true);
    expect((await root.get('/api/v1/exports/cases?format=xlsx&unit=dien-chau')).status).toBe(200);

    const audit = await tenantRepository('vn-na').query({ partition: `AUDIT#EXPORT#${new Date().toISOString().slice(0, 7)}`, limit: 20 });
    expect(audit.items.map((item) => [item.username, item.unit])).toEqual(expect.arrayContaining([['supervisor.vinh', 'vinh'], ['supervisor.vinh', 'ben-thuy']]));
  });
});
