import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SHARE_SECTIONS, type ShareSection } from '../../shared/schemas/referral.ts';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient } from '../support/api-client.ts';
import { useTestForm } from '../support/test-form.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

let stack: LocalStack;
let caseworker: ApiClient;
let supervisor: ApiClient;
let partner: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  [caseworker, supervisor, partner] = await Promise.all([
    ApiClient.signIn(stack.url, 'caseworker.vn-na'),
    ApiClient.signIn(stack.url, 'supervisor.vn-na'),
    ApiClient.signIn(stack.url, 'ngo.vn-na'),
  ]);
  // Tenant form fields are part of the case, never of a referral: the form gives the markers a field to live in.
  await useTestForm(await ApiClient.signIn(stack.url, 'admin.vn-na'));
});
afterAll(() => stack?.stop());

const today = new Date().toISOString().slice(0, 10);
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** Unique markers, one set per section of the case, plus the parts no referral ever shares. */
function markersFor(run: string) {
  const m = (section: string) => `M${section}${run}Z`;
  return {
    'child.basic': [m('NAME')],
    'child.contact': [m('PLACE')],
    assessment: [m('NEED'), m('ASSESSED')],
    care_plan: [m('GOAL'), m('SERVICE'), m('PLANNED')],
    notes: [m('NOTE')],
    never: [m('SECRET'), m('FIELD')],
  } satisfies Record<ShareSection | 'never', string[]>;
}

async function caseFullOfMarkers(markers: ReturnType<typeof markersFor>) {
  const created = await caseworker.post('/api/v1/cases', {
    child: { fullName: `Child ${markers['child.basic'][0]}`, sex: 'female', dateOfBirth: '2012-01-01', location: markers['child.contact'][0] },
    categories: ['neglect'],
    riskLevel: 'high',
    fields: { school: markers.never[1] },
  });
  let kase = created.body.data;
  await caseworker.post(`/api/v1/cases/${kase.id}/notes`, { text: markers.notes[0], confidential: false });
  await caseworker.post(`/api/v1/cases/${kase.id}/notes`, { text: markers.never[0], confidential: true });
  kase = (await caseworker.post(`/api/v1/cases/${kase.id}/assessment`, { needs: [markers.assessment[0]], summary: markers.assessment[1] }, ifMatch(kase.version))).body.data;
  const approval = kase.pendingApproval.id;
  const pending = (await supervisor.get('/api/v1/approvals?status=pending&limit=100')).body.data.find((a: any) => a.id === approval);
  await supervisor.post(`/api/v1/approvals/${approval}/approve`, {}, ifMatch(pending.version));
  kase = (await caseworker.get(`/api/v1/cases/${kase.id}`)).body.data;
  const plan = { goals: [{ goal: markers.care_plan[0], services: [markers.care_plan[1]], dueDate: '2027-06-30' }], summary: markers.care_plan[2] };
  const planned = await caseworker.post(`/api/v1/cases/${kase.id}/care-plan`, plan, ifMatch(kase.version));
  expect(planned.status).toBe(200);
  return kase.id as string;
}

describe('what a partner can read of a referred case', () => {
  it('never contains a marker from a section that was not shared', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.subarray([...SHARE_SECTIONS], { minLength: 1 }), async (share) => {
        const markers = markersFor(`${process.pid}R${run++}`);
        const caseId = await caseFullOfMarkers(markers);
        const referred = await caseworker.post(`/api/v1/cases/${caseId}/referrals`, {
          organizationId: 'ngo-vn-na', service: 'legal-aid', reason: 'Legal support', share,
          consent: { givenBy: 'child', givenAt: today },
        });
        expect(referred.status).toBe(201);
        const id = referred.body.data.id;
        // Everything the partner can get: its inbox, the referral, its answers.
        const seen = [
          await partner.get('/api/v1/referrals?box=inbox&limit=100'),
          await partner.get(`/api/v1/referrals/${id}`),
          await partner.post(`/api/v1/referrals/${id}/accept`, {}, ifMatch(1)),
          await partner.get('/api/v1/organizations'),
          await partner.get('/api/v1/notifications'),
        ].map((res) => JSON.stringify(res.body)).join('\n');

        for (const section of SHARE_SECTIONS) {
          for (const marker of markers[section]) {
            if (share.includes(section)) expect(seen, `${section} was shared`).toContain(marker);
            else expect(seen, `${section} was not shared`).not.toContain(marker);
          }
        }
        for (const marker of markers.never) expect(seen).not.toContain(marker);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
