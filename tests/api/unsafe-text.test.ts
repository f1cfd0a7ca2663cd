import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase, type ApiResult } from '../support/api-client.ts';
import { useTestForm } from '../support/test-form.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

/**
 * What users type is stored only if it is safe to show: one rule per kind (shared/schemas/text.ts). Names —
 * of a child, an organisation — lose bidirectional controls and are stored clean; free text — a note, a
 * reason — with one is refused; control characters are refused in both; web addresses are http(s) only.
 */
let stack: LocalStack;
let caseworker: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  [caseworker, admin] = await Promise.all([ApiClient.signIn(stack.url, 'caseworker.vn-na'), ApiClient.signIn(stack.url, 'admin.vn-na')]);
  await useTestForm(admin);
});
afterAll(() => stack?.stop());

const today = new Date().toISOString().slice(0, 10);
const NUL = '\u0000';
const BELL = '\u0007';
const RLO = '\u202E';

/** A 400 VALIDATION_FAILED whose details name `path`. */
function refusedAt(res: ApiResult<any>, path: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error.code).toBe('VALIDATION_FAILED');
  expect(res.body.error.details.map((detail: { path: string }) => detail.path)).toContain(path);
}

const register = (fullName: string, extra: Record<string, unknown> = {}) =>
  caseworker.post('/api/v1/cases', newCase({ child: { fullName, sex: 'female', dateOfBirth: '2014-05-01', ...extra } }));

async function aCase() {
  const res = await register('Lê Thị Mai');
  expect(res.status).toBe(201);
  return res.body.data as { id: string; version: number };
}

describe('names: control characters refused, bidirectional controls stripped', () => {
  it('a child\'s name with NUL or BEL is refused at child.fullName; its location too', async () => {
    refusedAt(await register(`Nguyễn${NUL} Thị Hồng`), 'child.fullName');
    refusedAt(await register(`Nguyễn Thị Hồng${BELL}`), 'child.fullName');
    refusedAt(await register('Nguyễn Thị Hồng', { location: `Vinh${NUL}` }), 'child.location');
    refusedAt(await caseworker.post('/api/v1/cases/possible-duplicates', { child: { fullName: `Hồng${NUL}` } }), 'child.fullName');
  });

  it('a child\'s name with a right-to-left override is stored without it, and found by search', async () => {
    const res = await register(`${RLO}Trịnh Thị Xuân\u2066\u2069`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.child.fullName).toBe('Trịnh Thị Xuân');
    expect((await caseworker.get(`/api/v1/cases/${res.body.data.id}`)).body.data.child.fullName).toBe('Trịnh Thị Xuân');
    const found = await caseworker.get(`/api/v1/cases?q=${encodeURIComponent('trinh thi xuan')}`);
    expect(found.body.data.map((kase: { id: string }) => kase.id)).toContain(res.body.data.id);
  });

  it('a correction of the name is held to the same rules', async () => {
    const kase = await aCase();
    const patch = (fullName: string, version: number) =>
      caseworker.request('PATCH', `/api/v1/cases/${kase.id}`, { body: { child: { fullName } }, headers: { 'if-match': `"${version}"` } });
    refusedAt(await patch(`Lê Thị${BELL} Mai`, kase.version), 'child.fullName');
    const fixed = await patch(`Lê Thị Mai${RLO}`, kase.version);
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.data.child.fullName).toBe('Lê Thị Mai');
  });

  it('an organisation\'s name with NUL or BEL is refused at name; with an override it is stored clean', async () => {
    const organization = (id: string, name: string) => admin.post('/api/v1/organizations', { id, name, kind: 'ngo' });
    refusedAt(await organization('bad-nul', `Hope${NUL} Partners`), 'name');
    refusedAt(await organization('bad-bell', `Hope Partners${BELL}`), 'name');
    refusedAt(await admin.post('/api/v1/organizations', { id: 'bad-service', name: 'Safe Homes', kind: 'ngo', services: [{ id: 'shelter', name: `Shelter${NUL}` }] }), 'services.0.name');
    const created = await organization('mirror', `${RLO}Safe Homes`);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.data.name).toBe('Safe Homes');
    const renamed = await admin.request('PATCH', '/api/v1/organizations/mirror', { body: { name: `Safe${NUL} Homes` }, headers: { 'if-match': `"${created.body.data.version}"` } });
    refusedAt(renamed, 'name');
  });
});

describe('free text: control characters and bidirectional controls refused', () => {
  it('a note with NUL, BEL or a right-to-left override is refused at text; new lines are kept', async () => {
    const kase = await aCase();
    const note = (text: string) => caseworker.post(`/api/v1/cases/${kase.id}/notes`, { text });
    for (const bad of [`Home visit${NUL}`, `Home ${BELL}visit`, `Paid ${RLO}0001`]) refusedAt(await note(bad), 'text');
    const kept = await note('Home visit.\r\nThe mother was there.');
    expect(kept.status, JSON.stringify(kept.body)).toBe(201);
    expect(kept.body.data.text).toBe('Home visit.\nThe mother was there.');
  });

  it('a referral reason with NUL, BEL or an override is refused at reason', async () => {
    const kase = await aCase();
    const refer = (reason: string) => caseworker.post(`/api/v1/cases/${kase.id}/referrals`, {
      organizationId: 'ngo-vn-na', service: 'psychosocial-support', reason, consent: { givenBy: 'caregiver', givenAt: today }, share: ['child.basic'],
    });
    for (const bad of [`Counselling${NUL}`, `Counselling${BELL}`, `Counselling ${RLO}txt.exe`]) refusedAt(await refer(bad), 'reason');
    expect((await refer('Counselling after the incident')).status).toBe(201);
  });

  it('the other free text of a case: follow-up notes, closure reasons, form answers', async () => {
    const kase = await aCase();
    refusedAt(await caseworker.post(`/api/v1/cases/${kase.id}/follow-ups`, { dueDate: today, note: `Call${NUL}` }), 'note');
    refusedAt(await caseworker.post(`/api/v1/cases/${kase.id}/close-request`, { reason: `Done${RLO}`, outcome: 'ok' }, { 'if-match': `"${kase.version}"` }), 'reason');
    refusedAt(await caseworker.post('/api/v1/cases', newCase({ fields: { school: `Vinh${BELL}` } })), 'fields.school');
    refusedAt(await caseworker.post('/api/v1/cases', newCase({ fields: { notes: `Lives with ${RLO}grandmother` } })), 'fields.notes');
  });
});

describe('web addresses: http(s) only', () => {
  it('refuses javascript:, data: and credentials as an organisation website, at website', async () => {
    const withSite = (id: string, website: string) => admin.post('/api/v1/organizations', { id, name: 'Clinic', kind: 'ministry', website });
    refusedAt(await withSite('site-js', 'javascript:alert(1)'), 'website');
    refusedAt(await withSite('site-data', 'data:text/html,<script>alert(1)</script>'), 'website');
    refusedAt(await withSite('site-creds', 'http://user:pw@x'), 'website');
    const ok = await withSite('site-ok', 'https://clinic.example.org/children');
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.data.website).toBe('https://clinic.example.org/children');
  });
});

describe('real names round-trip exactly', () => {
  it.each([
    ['Arabic with a zero-width non-joiner', 'مه‌لقا الحلبي'],
    ['Arabic', 'فاطمة الزهراء'],
    ['Burmese', 'မခင်မာဝင်း'],
    ['Burmese with a stacked consonant', 'မင်းသုဝဏ္ဏ'],
    ['Vietnamese', 'Nguyễn Thị Hồng'],
    ['emoji', 'Hồng 🌸 👨‍👩‍👧'],
  ])('%s', async (_, fullName) => {
    const res = await register(fullName);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.child.fullName).toBe(fullName);
    expect((await caseworker.get(`/api/v1/cases/${res.body.data.id}`)).body.data.child.fullName).toBe(fullName);
  });

  it('Vietnamese typed decomposed (NFD) is stored composed (NFC)', async () => {
    const res = await register('Đoàn Thị Ngọc Ánh'.normalize('NFD'));
    expect(res.status).toBe(201);
    expect(res.body.data.child.fullName).toBe('Đoàn Thị Ngọc Ánh'.normalize('NFC'));
    const found = await caseworker.get(`/api/v1/cases?q=${encodeURIComponent('Ngọc Ánh')}`);
    expect(found.body.data.map((kase: { id: string }) => kase.id)).toContain(res.body.data.id);
  });
});
