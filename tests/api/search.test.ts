import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

let stack: LocalStack;
let caseworker: ApiClient;
let caseworker2: ApiClient;
let supervisor: ApiClient;
let partner: ApiClient;
let syrian: ApiClient;
let syrianSupervisor: ApiClient;
let burmese: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  const signIn = (username: string) => ApiClient.signIn(stack.url, username);
  [caseworker, caseworker2, supervisor, partner, syrian, syrianSupervisor, burmese] = await Promise.all([signIn('caseworker.vn-na'), signIn('caseworker2.vn-na'), signIn('supervisor.vn-na'), signIn('ngo.vn-na'), signIn('caseworker.sy'), signIn('supervisor.sy'), signIn('caseworker.mm')]);
});
afterAll(() => stack?.stop());

const child = (fullName: string, extra: Record<string, unknown> = {}) => newCase({ child: { fullName, sex: 'female', dateOfBirth: '2014-05-01', ...extra } });
async function register(client: ApiClient, fullName: string, extra: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/cases', child(fullName, extra));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { data: any; meta: { possibleDuplicates: { id?: string; caseNumber: string; score: number }[] } };
}
const search = (client: ApiClient, q: string, more = '') => client.get(`/api/v1/cases?q=${encodeURIComponent(q)}${more}`);
const idsOf = (res: { body: any }) => (res.body.data as { id: string }[]).map((kase) => kase.id);

describe('GET /api/v1/cases?q=', () => {
  it('finds a Vietnamese name typed without diacritics, in any case, by part of a name', async () => {
    const hong = (await register(caseworker, 'Nguyễn Thị Hồng')).data;
    const duc = (await register(caseworker, 'Đặng Văn Đức')).data;
    for (const q of ['nguyen thi hong', 'NGUYỄN THỊ HỒNG', 'Hong Nguyen', 'hồng', 'nguy']) {
      const res = await search(caseworker, q);
      expect(res.status).toBe(200);
      expect(idsOf(res), q).toContain(hong.id);
      expect(res.body.meta).toEqual({ nextCursor: null });
    }
    expect(idsOf(await search(caseworker, 'dang van duc'))).toEqual([duc.id]);
    expect(idsOf(await search(caseworker, 'Đức'))).toEqual([duc.id]);
    expect(idsOf(await search(caseworker, 'nguyen duc'))).toEqual([]);
  });

  it('finds a case by its case number, with or without dashes', async () => {
    const kase = (await register(caseworker, 'Trần Văn Bình')).data;
    expect(idsOf(await search(caseworker, kase.caseNumber))).toEqual([kase.id]);
    expect(idsOf(await search(caseworker, kase.caseNumber.toLowerCase().replaceAll('-', ' ')))).toEqual([kase.id]);
  });

  it('finds Arabic names across hamza, alef, ta marbuta, alef maksura and tashkeel variants', async () => {
    const ahmad = (await register(syrian, 'أحمد الحلبي', { sex: 'male' })).data;
    const fatima = (await register(syrian, 'فَاطِمَة مُصْطَفَى')).data;
    const israa = (await register(syrian, 'إسراء يوسف')).data;
    expect(idsOf(await search(syrian, 'احمد'))).toContain(ahmad.id);
    expect(idsOf(await search(syrian, 'أحمد'))).toContain(ahmad.id);
    expect(idsOf(await search(syrian, 'فاطمه مصطفي'))).toEqual([fatima.id]);
    expect(idsOf(await search(syrian, 'فاطمة'))).toEqual([fatima.id]);
    expect(idsOf(await search(syrian, 'اسراء'))).toEqual([israa.id]);
  });

  it('stores a name typed in Zawgyi as Unicode, and finds it by a Unicode or a Zawgyi query', async () => {
    const res = await register(burmese, 'ေမာင္ေမာင္', { sex: 'male' });
    expect(res.data.child.fullName).toBe('မောင်မောင်');
    expect((await burmese.get(`/api/v1/cases/${res.data.id}`)).body.data.child.fullName).toBe('မောင်မောင်');
    expect(idsOf(await search(burmese, 'မောင်မောင်'))).toEqual([res.data.id]);
    expect(idsOf(await search(burmese, 'ေမာင္ေမာင္'))).toEqual([res.data.id]);
    const patched = await burmese.request('PATCH', `/api/v1/cases/${res.data.id}`, { body: { child: { fullName: 'ေအာင္ေက်ာ္' } }, headers: { 'if-match': '"1"' } });
    expect(patched.body.data.child.fullName).toBe('အောင်ကျော်');
  });

  it('follows a rename: the old name no longer finds the case, the new one does', async () => {
    const kase = (await register(caseworker, 'Phạm Thị Lan')).data;
    const res = await caseworker.request('PATCH', `/api/v1/cases/${kase.id}`, { body: { child: { fullName: 'Phạm Thị Huệ' } }, headers: { 'if-match': '"1"' } });
    expect(res.status).toBe(200);
    expect(idsOf(await search(caseworker, 'pham thi lan'))).toEqual([]);
    expect(idsOf(await search(caseworker, 'pham thi hue'))).toEqual([kase.id]);
  });

  it('respects the caller\'s scope: a caseworker finds only own or assigned cases, a supervisor all', async () => {
    const other = (await register(caseworker2, 'Võ Thị Sáu')).data;
    expect(idsOf(await search(caseworker, 'vo thi sau'))).toEqual([]);
    expect(idsOf(await search(caseworker2, 'vo thi sau'))).toEqual([other.id]);
    expect(idsOf(await search(supervisor, 'vo thi sau'))).toEqual([other.id]);
    expect((await search(partner, 'vo thi sau')).status).toBe(403);
  });

  it('never returns another tenant\'s case', async () => {
    const hongInSyria = (await register(syrian, 'Nguyễn Thị Hồng')).data;
    const vn = await search(supervisor, 'nguyen thi hong');
    expect(idsOf(vn)).not.toContain(hongInSyria.id);
    expect(vn.body.data.every((kase: { caseNumber: string }) => kase.caseNumber.startsWith('NA-'))).toBe(true);
    expect(idsOf(await search(syrianSupervisor, 'nguyen thi hong'))).toEqual([hongInSyria.id]);
    expect(idsOf(await search(supervisor, hongInSyria.caseNumber))).toEqual([]);
  });

  it('pages newest registration first with an opaque cursor, and combines with filters', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await register(caseworker, `Lò Thị Pa ${i}`, { sex: 'female' })).data.id);
    const first = await search(caseworker, 'lo thi pa', '&limit=3');
    expect(idsOf(first)).toEqual(ids.slice(2).reverse());
    expect(first.body.meta.nextCursor).toEqual(expect.any(String));
    const second = await search(caseworker, 'lo thi pa', `&limit=3&cursor=${first.body.meta.nextCursor}`);
    expect(idsOf(second)).toEqual(ids.slice(0, 2).reverse());
    expect(second.body.meta.nextCursor).toBeNull();
    expect(idsOf(await search(caseworker, 'lo thi pa', '&riskLevel=high'))).toEqual([]);
    expect((await search(caseworker, 'lo thi pa', '&cursor=nonsense')).status).toBe(400);
  });

  it('answers an empty list for a query of punctuation only, and 400 for an empty one', async () => {
    const res = await search(caseworker, ' - ');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [], meta: { nextCursor: null } });
    expect((await caseworker.get('/api/v1/cases?q=')).status).toBe(400);
  });
});

describe('possibleDuplicates on POST /api/v1/cases', () => {
  it('lists earlier cases with the same normalised name, sex and birth year, best first, never the new case', async () => {
    const first = await register(caseworker2, 'Hoàng Thị Thu', { dateOfBirth: '2012-03-01' });
    expect(first.meta.possibleDuplicates).toEqual([]);
    const second = await register(caseworker, 'hoang thi thu', { dateOfBirth: '2012-09-01' });
    // Another caseworker's case: its number and score, not its id (tests/api/cursors-and-oracles.test.ts).
    expect(second.meta.possibleDuplicates).toEqual([{ caseNumber: first.data.caseNumber, score: 1 }]);
    // A missing middle name and born two years later: still proposed, with a lower score.
    const third = await register(caseworker, 'Hoàng Thu');
    expect(third.meta.possibleDuplicates.map((candidate) => candidate.caseNumber).sort()).toEqual([first.data.caseNumber, second.data.caseNumber].sort());
    expect(third.meta.possibleDuplicates.map((candidate) => candidate.score)).toEqual([0.6, 0.6]);
    // The same full name but another sex, born eleven years earlier: the name alone scores 0.6; the partial
    // name with another sex and birth date (0.4) is not proposed.
    const fourth = await register(caseworker, 'Hoàng Thị Thu', { sex: 'male', dateOfBirth: '2001-01-01' });
    expect(fourth.meta.possibleDuplicates.map((candidate) => candidate.caseNumber).sort()).toEqual([first.data.caseNumber, second.data.caseNumber].sort());
    expect(fourth.meta.possibleDuplicates.map((candidate) => candidate.score)).toEqual([0.6, 0.6]);
  });

  it('does not propose cases of another tenant, nor cases sharing a single common token', async () => {
    await register(syrian, 'Bùi Thị Hạnh');
    const res = await register(caseworker, 'Bùi Thị Hạnh');
    expect(res.meta.possibleDuplicates).toEqual([]);
    const common = await register(caseworker, 'Lê Thị Cúc');
    expect(common.meta.possibleDuplicates).toEqual([]);
  });
});

describe('POST /api/v1/cases/possible-duplicates', () => {
  it('answers before saving what registration would report, and creates nothing', async () => {
    const existing = await register(caseworker2, 'Đinh Thị Nga', { dateOfBirth: '2010-02-02' });
    const before = (await search(supervisor, 'dinh thi nga')).body.data.length;
    const res = await caseworker.post('/api/v1/cases/possible-duplicates', { child: { fullName: 'dinh thi nga', sex: 'female', dateOfBirth: '2010-06-01' } });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([{ caseNumber: existing.data.caseNumber, score: 1 }]);
    expect((await search(supervisor, 'dinh thi nga')).body.data).toHaveLength(before);
    expect((await caseworker.post('/api/v1/cases/possible-duplicates', { child: {} })).status).toBe(400);
    expect((await partner.post('/api/v1/cases/possible-duplicates', { child: { fullName: 'Đinh Thị Nga' } })).status).toBe(403);
  });
});
