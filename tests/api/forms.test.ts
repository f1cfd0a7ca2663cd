import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { DEFAULT_CATEGORY_CODES } from '../../shared/schemas/case.ts';

let stack: LocalStack;
let admin: ApiClient;
let caseworker: ApiClient;
let supervisor: ApiClient;
let partner: ApiClient;
let otherAdmin: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  const signIn = (username: string) => ApiClient.signIn(stack.url, username);
  [admin, caseworker, supervisor, partner, otherAdmin] = await Promise.all([signIn('admin.sy'), signIn('caseworker.sy'), signIn('supervisor.sy'), signIn('ngo.sy'), signIn('admin.eg')]);
});
afterAll(() => stack?.stop());

const label = (en: string, ar?: string) => (ar ? { en, ar } : { en });

/** A Syrian intake form: every field type, required fields and two levels of skip logic. */
const FORM = {
  sections: [
    {
      id: 'family',
      title: label('Family', 'الأسرة'),
      fields: [
        { id: 'livesWith', type: 'select', label: label('Lives with', 'يعيش مع'), required: true, options: [
          { value: 'parents', label: label('Parents', 'الوالدين') },
          { value: 'relatives', label: label('Relatives', 'الأقارب') },
          { value: 'institution', label: label('Institution', 'مؤسسة') },
        ] },
        { id: 'institutionName', type: 'text', label: label('Institution name'), required: true, showIf: { field: 'livesWith', equals: 'institution' } },
        { id: 'siblings', type: 'number', label: label('Siblings') },
        { id: 'inSchool', type: 'boolean', label: label('In school') },
        { id: 'schoolName', type: 'text', label: label('School'), required: true, showIf: { field: 'inSchool', equals: true } },
      ],
    },
    {
      id: 'needs',
      title: label('Needs'),
      fields: [
        { id: 'needs', type: 'multiselect', label: label('Needs'), options: [{ value: 'health', label: label('Health') }, { value: 'education', label: label('Education') }] },
        { id: 'healthNote', type: 'textarea', label: label('Health note'), showIf: { field: 'needs', equals: 'health' } },
        { id: 'referredOn', type: 'date', label: label('Referred on') },
        { id: 'village', type: 'location', label: label('Village') },
      ],
    },
  ],
};

const put = (client: ApiClient, path: string, body: unknown, version?: number) =>
  client.request('PUT', path, { body, headers: version === undefined ? {} : { 'if-match': `"${version}"` } });
const patch = (client: ApiClient, id: string, body: unknown, version: number) =>
  client.request('PATCH', `/api/v1/cases/${id}`, { body, headers: { 'if-match': `"${version}"` } });
const paths = (res: { body: any }) => (res.body.error?.details ?? []).map((detail: { path: string }) => detail.path).sort();

describe('GET /api/v1/forms/case', () => {
  it('gives a new tenant the default form: version 1, no sections, with its ETag', async () => {
    const res = await caseworker.get('/api/v1/forms/case');
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body.data).toEqual({ version: 1, sections: [] });
  });

  it('is read by caseworkers, supervisors and admins, not by partners', async () => {
    expect((await supervisor.get('/api/v1/forms/case')).status).toBe(200);
    expect((await admin.get('/api/v1/forms/case')).status).toBe(200);
    expect((await partner.get('/api/v1/forms/case')).status).toBe(403);
    expect((await new ApiClient(stack.url).get('/api/v1/forms/case')).status).toBe(401);
  });

  it('under the default form a case needs nothing beyond the core fields, and unknown fields are refused', async () => {
    const res = await caseworker.post('/api/v1/cases', newCase());
    expect(res.status).toBe(201);
    expect(res.body.data.fields).toEqual({});
    const unknown = await caseworker.post('/api/v1/cases', newCase({ fields: { shoeSize: 38 } }));
    expect(unknown.status).toBe(400);
    expect(paths(unknown)).toEqual(['fields.shoeSize']);
  });
});

describe('PUT /api/v1/forms/case', () => {
  it('needs If-Match (428), refuses a stale one (412), and only the tenant admin may (403)', async () => {
    expect((await put(admin, '/api/v1/forms/case', FORM)).status).toBe(428);
    const stale = await put(admin, '/api/v1/forms/case', FORM, 7);
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('PRECONDITION_FAILED');
    expect((await put(caseworker, '/api/v1/forms/case', FORM, 1)).status).toBe(403);
    expect((await put(supervisor, '/api/v1/forms/case', FORM, 1)).status).toBe(403);
  });

  it('refuses a definition with duplicate ids, a showIf on a later field or a select without options', async () => {
    const broken = {
      sections: [{ id: 's', title: label('S'), fields: [
        { id: 'a', type: 'text', label: label('A'), showIf: { field: 'b', equals: true } },
        { id: 'b', type: 'boolean', label: label('B') },
        { id: 'b', type: 'select', label: label('B again') },
      ] }],
    };
    const res = await put(admin, '/api/v1/forms/case', broken, 1);
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['sections.0.fields.0.showIf.field', 'sections.0.fields.2.id', 'sections.0.fields.2.options']);
  });

  it('stores a new version; GET answers it with the new ETag; another tenant keeps its own form', async () => {
    const res = await put(admin, '/api/v1/forms/case', FORM, 1);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    expect(res.body.data).toEqual({ version: 2, ...FORM });
    const read = await caseworker.get('/api/v1/forms/case');
    expect(read.headers.get('etag')).toBe('"2"');
    expect(read.body.data).toEqual({ version: 2, ...FORM });
    expect((await otherAdmin.get('/api/v1/forms/case')).body.data).toEqual({ version: 1, sections: [] });
    // The version read before is stale now.
    expect((await put(admin, '/api/v1/forms/case', FORM, 1)).status).toBe(412);
  });
});

describe('cases validated against the form', () => {
  it('answers 400 with fields.<id> paths: unknown ids, wrong types, missing required fields', async () => {
    const res = await caseworker.post('/api/v1/cases', newCase({ fields: { livesWith: 'castle', siblings: 'two', inSchool: 'yes', referredOn: '2026-02-30', shoeSize: 38 } }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(paths(res)).toEqual(['fields.inSchool', 'fields.livesWith', 'fields.referredOn', 'fields.shoeSize', 'fields.siblings']);
    const missing = await caseworker.post('/api/v1/cases', newCase());
    expect(paths(missing)).toEqual(['fields.livesWith']);
    const hiddenRequired = await caseworker.post('/api/v1/cases', newCase({ fields: { livesWith: 'institution', inSchool: true } }));
    expect(paths(hiddenRequired)).toEqual(['fields.institutionName', 'fields.schoolName']);
  });

  it('requires a field only while shown, and never stores a hidden one', async () => {
    const res = await caseworker.post('/api/v1/cases', newCase({
      fields: { livesWith: 'parents', institutionName: 'Dar al-Aytam', inSchool: false, schoolName: 'Aleppo 3', needs: ['education'], healthNote: 'asthma', siblings: 3 },
    }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.fields).toEqual({ livesWith: 'parents', inSchool: false, needs: ['education'], siblings: 3 });
    expect(res.body.data.formVersion).toBe(2);
  });

  it('PATCH merges the fields, then validates the result; a field that becomes hidden is dropped', async () => {
    const created = (await caseworker.post('/api/v1/cases', newCase({ fields: { livesWith: 'institution', institutionName: 'Dar al-Aytam' } }))).body.data;
    const bad = await patch(caseworker, created.id, { fields: { siblings: 'many' } }, 1);
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['fields.siblings']);
    const unknown = await patch(caseworker, created.id, { fields: { shoeSize: 1 } }, 1);
    expect(paths(unknown)).toEqual(['fields.shoeSize']);
    const stillRequired = await patch(caseworker, created.id, { fields: { institutionName: null } }, 1);
    expect(paths(stillRequired)).toEqual(['fields.institutionName']);
    const merged = await patch(caseworker, created.id, { fields: { siblings: 2 } }, 1);
    expect(merged.status).toBe(200);
    expect(merged.body.data.fields).toEqual({ livesWith: 'institution', institutionName: 'Dar al-Aytam', siblings: 2 });
    const moved = await patch(caseworker, created.id, { fields: { livesWith: 'relatives' } }, 2);
    expect(moved.body.data.fields).toEqual({ livesWith: 'relatives', siblings: 2 });
    // A PATCH without fields is not blocked by the form.
    expect((await patch(caseworker, created.id, { riskLevel: 'high' }, 3)).status).toBe(200);
  });

  it('keeps answers to fields a later form version dropped, and keeps older versions interpretable', async () => {
    const created = (await caseworker.post('/api/v1/cases', newCase({ fields: { livesWith: 'parents', siblings: 4 } }))).body.data;
    const current = (await admin.get('/api/v1/forms/case')).body.data;
    const withoutSiblings = { sections: FORM.sections.map((section) => ({ ...section, fields: section.fields.filter((field) => field.id !== 'siblings') })) };
    expect((await put(admin, '/api/v1/forms/case', withoutSiblings, current.version)).status).toBe(200);
    const res = await patch(caseworker, created.id, { fields: { inSchool: false } }, 1);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.fields).toEqual({ livesWith: 'parents', siblings: 4, inSchool: false });
    expect(res.body.data.formVersion).toBe(current.version + 1);
    // Put the full form back for the other tests.
    expect((await put(admin, '/api/v1/forms/case', FORM, current.version + 1)).status).toBe(200);
  });
});

describe('lookups', () => {
  it('gives a tenant the default categories and its country levels', async () => {
    const res = await caseworker.get('/api/v1/lookups');
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body.data.categories.map((category: { code: string }) => category.code)).toEqual([...DEFAULT_CATEGORY_CODES]);
    expect(res.body.data.categories[0].label.en).toEqual(expect.any(String));
    expect(res.body.data.locationLevels.map((level: { id: string }) => level.id)).toEqual(['governorate', 'district']);
    expect((await partner.get('/api/v1/lookups')).status).toBe(403);
    const vn = await ApiClient.signIn(stack.url, 'caseworker.vn-na');
    expect((await vn.get('/api/v1/lookups')).body.data.locationLevels.map((level: { id: string }) => level.id)).toEqual(['district', 'commune']);
    const mm = await ApiClient.signIn(stack.url, 'caseworker.mm');
    expect((await mm.get('/api/v1/lookups')).body.data.locationLevels.map((level: { id: string }) => level.id)).toEqual(['state_region', 'district', 'township']);
  });

  it('is replaced by the tenant admin with If-Match; categories and locations then bind cases', async () => {
    const current = (await admin.get('/api/v1/lookups')).body.data;
    const next = {
      categories: [...current.categories, { code: 'returned_to_institution', label: { en: 'Returned to an institution', ar: 'عودة إلى مؤسسة' } }],
      locationLevels: current.locationLevels,
      locations: [
        { id: 'aleppo', parentId: null, level: 'governorate', name: { en: 'Aleppo', ar: 'حلب' } },
        { id: 'jebel-saman', parentId: 'aleppo', level: 'district', name: { en: 'Jebel Saman', ar: 'جبل سمعان' } },
      ],
    };
    expect((await put(admin, '/api/v1/lookups', next)).status).toBe(428);
    expect((await put(admin, '/api/v1/lookups', next, 9)).status).toBe(412);
    expect((await put(caseworker, '/api/v1/lookups', next, 1)).status).toBe(403);
    const badTree = await put(admin, '/api/v1/lookups', { ...next, locations: [{ id: 'x', parentId: 'nowhere', level: 'district', name: { en: 'X' } }] }, 1);
    expect(paths(badTree)).toEqual(['locations.0.parentId']);
    const res = await put(admin, '/api/v1/lookups', next, 1);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');

    const created = await caseworker.post('/api/v1/cases', newCase({ categories: ['returned_to_institution'], fields: { livesWith: 'parents', village: 'jebel-saman' } }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const refused = await caseworker.post('/api/v1/cases', newCase({ categories: ['neglect', 'made_up'], fields: { livesWith: 'parents', village: 'damascus' } }));
    expect(refused.status).toBe(400);
    expect(paths(refused)).toEqual(['categories.1', 'fields.village']);
    const patched = await patch(caseworker, created.body.data.id, { categories: ['made_up'] }, 1);
    expect(paths(patched)).toEqual(['categories.0']);
  });
});

describe('limits', () => {
  it('refuses lookups too large for one item with 400, not a 5xx', async () => {
    const current = (await admin.get('/api/v1/lookups')).body.data;
    const long = 'x'.repeat(400);
    const locations = Array.from({ length: 2000 }, (_, i) => ({ id: `g${i}`, parentId: null, level: 'governorate', name: { en: long, ar: long } }));
    const res = await put(admin, '/api/v1/lookups', { categories: current.categories, locationLevels: current.locationLevels, locations }, current.version);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('demo lookups', () => {
  it('seeds each demo tenant a small location tree in its own levels', async () => {
    const vn = await ApiClient.signIn(stack.url, 'caseworker.vn-na');
    const lookups = (await vn.get('/api/v1/lookups')).body.data;
    expect(lookups.version).toBe(1);
    expect(lookups.locations).toEqual(expect.arrayContaining([
      { id: 'vinh', parentId: null, level: 'district', name: { en: 'Vinh', vi: 'Thành phố Vinh' } },
      expect.objectContaining({ id: 'hung-dung', parentId: 'vinh', level: 'commune' }),
    ]));
  });
});
