import { expect } from 'vitest';
import type { ApiClient } from './api-client.ts';

/** A case form with the free fields the older API tests send (`school`, `village`, `notes`, `attempt`). */
export const TEST_FORM = {
  sections: [
    {
      id: 'background',
      title: { en: 'Background' },
      fields: [
        { id: 'school', type: 'text', label: { en: 'School' } },
        { id: 'village', type: 'text', label: { en: 'Village' } },
        { id: 'notes', type: 'textarea', label: { en: 'Notes' } },
        { id: 'attempt', type: 'number', label: { en: 'Attempt' } },
      ],
    },
  ],
};

/** Gives a tenant that still has its default form (version 1) the TEST_FORM, as its tenant admin. */
export async function useTestForm(admin: ApiClient): Promise<void> {
  const res = await admin.request('PUT', '/api/v1/forms/case', { body: TEST_FORM, headers: { 'if-match': '"1"' } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}
