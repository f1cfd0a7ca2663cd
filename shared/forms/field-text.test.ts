import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { compileFormSchema } from './compile.ts';
import { fieldValuesFromText } from './field-text.ts';
import type { FormDefinition } from './form-definition.ts';

const FORM: FormDefinition = {
  version: 3,
  sections: [{
    id: 'family',
    title: { en: 'Family' },
    fields: [
      { id: 'siblings', type: 'number', label: { en: 'Siblings' } },
      { id: 'inSchool', type: 'boolean', label: { en: 'In school' } },
      { id: 'needs', type: 'multiselect', label: { en: 'Needs' }, options: [{ value: 'food', label: { en: 'Food' } }, { value: 'shelter', label: { en: 'Shelter' } }] },
      { id: 'school', type: 'text', label: { en: 'School' } },
    ],
  }],
};

describe('fieldValuesFromText', () => {
  it('types cells as the form says, in any of the four languages', () => {
    expect(fieldValuesFromText(FORM, { siblings: ' 3 ', inSchool: 'Có', needs: 'food | shelter', school: ' THCS Vinh ' }))
      .toEqual({ siblings: 3, inSchool: true, needs: ['food', 'shelter'], school: 'THCS Vinh' });
    expect(fieldValuesFromText(FORM, { inSchool: 'لا', siblings: '2,5' })).toEqual({ inSchool: false, siblings: 2.5 });
    expect(fieldValuesFromText(FORM, { inSchool: 'ဟုတ်' })).toEqual({ inSchool: true });
  });

  it('passes text that does not fit on, so the form schema names the field', () => {
    const values = fieldValuesFromText(FORM, { siblings: 'many', inSchool: 'maybe', unknown: 'x' });
    expect(values).toEqual({ siblings: 'many', inSchool: 'maybe', unknown: 'x' });
    const result = z.object({ fields: compileFormSchema(FORM) }).safeParse({ fields: values });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['fields.inSchool', 'fields.siblings', 'fields.unknown']);
  });
});
