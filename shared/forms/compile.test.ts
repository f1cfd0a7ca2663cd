import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { parseOrThrow } from '../validation.ts';
import { compileFormSchema, visibleFieldIds } from './compile.ts';
import { DEFAULT_FORM, FormDefinitionInput, type FormDefinitionInput as Definition } from './form-definition.ts';

const label = (en: string) => ({ en });

/** A small form with every field type and two levels of skip logic. */
const FORM: Definition = {
  sections: [
    {
      id: 'family',
      title: { en: 'Family', vi: 'Gia đình', my: 'မိသားစု', ar: 'الأسرة' },
      fields: [
        { id: 'livesWith', type: 'select', label: label('Lives with'), required: true, options: [
          { value: 'parents', label: label('Parents') },
          { value: 'relatives', label: label('Relatives') },
          { value: 'institution', label: label('Institution') },
        ] },
        { id: 'institutionName', type: 'text', label: label('Institution'), required: true, showIf: { field: 'livesWith', equals: 'institution' } },
        { id: 'siblings', type: 'number', label: label('Siblings') },
        { id: 'inSchool', type: 'boolean', label: label('In school') },
        { id: 'schoolName', type: 'text', label: label('School'), required: true, showIf: { field: 'inSchool', equals: true } },
        { id: 'grade', type: 'number', label: label('Grade'), showIf: { field: 'schoolName', equals: 'x' } },
      ],
    },
    {
      id: 'needs',
      title: label('Needs'),
      fields: [
        { id: 'needs', type: 'multiselect', label: label('Needs'), options: [
          { value: 'health', label: label('Health') },
          { value: 'education', label: label('Education') },
        ] },
        { id: 'healthNote', type: 'textarea', label: label('Health'), showIf: { field: 'needs', equals: 'health' } },
        { id: 'referredOn', type: 'date', label: label('Referred on') },
        { id: 'village', type: 'location', label: label('Village') },
      ],
    },
  ],
};

/** What the API does: the compiled schema nested as `fields`, through parseOrThrow. */
function validate(values: unknown, options = {}) {
  return parseOrThrow(z.object({ fields: compileFormSchema(FORM, options) }), { fields: values }).fields;
}

function pathsOf(values: unknown, options = {}): string[] {
  try {
    validate(values, options);
  } catch (error) {
    if (error instanceof DomainError) return (error.details ?? []).map((detail) => detail.path);
    throw error;
  }
  return [];
}

describe('compileFormSchema', () => {
  it('accepts a complete answer and keeps typed values', () => {
    expect(validate({ livesWith: 'parents', siblings: 2, inSchool: true, schoolName: ' Vinh Primary ', needs: ['health'], healthNote: 'asthma', referredOn: '2026-03-01', village: 'vn-na-01' })).toEqual({
      livesWith: 'parents', siblings: 2, inSchool: true, schoolName: 'Vinh Primary', needs: ['health'], healthNote: 'asthma', referredOn: '2026-03-01', village: 'vn-na-01',
    });
  });

  it('rejects unknown field ids with their path', () => {
    expect(pathsOf({ livesWith: 'parents', shoeSize: 38 })).toEqual(['fields.shoeSize']);
  });

  it('rejects wrong types, one detail per field', () => {
    expect(pathsOf({ livesWith: 'castle', siblings: 'two', inSchool: 'yes', referredOn: '2026-02-30', needs: 'health' }).sort()).toEqual([
      'fields.inSchool', 'fields.livesWith', 'fields.needs', 'fields.referredOn', 'fields.siblings',
    ]);
    expect(pathsOf({ livesWith: 'parents', needs: ['health', 'health'] })).toEqual(['fields.needs']);
    expect(pathsOf({ livesWith: 'parents', needs: ['sports'] })).toEqual(['fields.needs.0']);
  });

  it('requires a required field only while it is shown', () => {
    expect(pathsOf({})).toEqual(['fields.livesWith']);
    expect(pathsOf({ livesWith: 'parents' })).toEqual([]);
    expect(pathsOf({ livesWith: 'institution' })).toEqual(['fields.institutionName']);
    expect(pathsOf({ livesWith: 'institution', institutionName: '   ' })).toEqual(['fields.institutionName']);
    expect(pathsOf({ livesWith: 'parents', inSchool: true })).toEqual(['fields.schoolName']);
    expect(pathsOf({ livesWith: 'parents', inSchool: false })).toEqual([]);
  });

  it('does not store hidden fields, even valid ones, nor blank answers', () => {
    expect(validate({ livesWith: 'parents', institutionName: 'Orphanage', inSchool: false, schoolName: 'x', grade: 3, siblings: null, healthNote: 'n' })).toEqual({
      livesWith: 'parents', inSchool: false,
    });
  });

  it('hides a field whose controlling field is itself hidden', () => {
    expect(visibleFieldIds(FORM, { inSchool: false, schoolName: 'x' }).has('grade')).toBe(false);
    expect(visibleFieldIds(FORM, { inSchool: true, schoolName: 'x' }).has('grade')).toBe(true);
    expect(visibleFieldIds(FORM, { needs: ['education', 'health'] }).has('healthNote')).toBe(true);
  });

  it('checks locations against the tenant lookups when given', () => {
    const locationIds = new Set(['vn-na-01']);
    expect(pathsOf({ livesWith: 'parents', village: 'nowhere' }, { locationIds })).toEqual(['fields.village']);
    expect(pathsOf({ livesWith: 'parents', village: 'vn-na-01' }, { locationIds })).toEqual([]);
  });

  it('the default form requires nothing and knows no fields', () => {
    expect(parseOrThrow(compileFormSchema(DEFAULT_FORM), {})).toEqual({});
    expect(() => parseOrThrow(compileFormSchema(DEFAULT_FORM), { anything: 1 })).toThrow(DomainError);
  });

  it('rejects a fields value that is not an object', () => {
    expect(pathsOf(['a'])).toEqual(['fields']);
  });
});

describe('FormDefinitionInput', () => {
  const paths = (definition: unknown) => {
    const result = FormDefinitionInput.safeParse(definition);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it('accepts the example form and the empty one', () => {
    expect(paths(FORM)).toEqual([]);
    expect(paths({ sections: [] })).toEqual([]);
  });

  it('refuses duplicate ids across sections', () => {
    const twice = { sections: [FORM.sections[0], { id: 'more', title: label('More'), fields: [{ id: 'siblings', type: 'text', label: label('Again') }] }] };
    expect(paths(twice)).toEqual(['sections.1.fields.0.id']);
    expect(paths({ sections: [{ id: 'a', title: label('A'), fields: [] }, { id: 'a', title: label('B'), fields: [] }] })).toEqual(['sections.1.id']);
  });

  it('refuses showIf on a later or missing field, and a value it never takes', () => {
    const form = (showIf: unknown) => ({ sections: [{ id: 's', title: label('S'), fields: [
      { id: 'first', type: 'text', label: label('First'), showIf },
      { id: 'flag', type: 'boolean', label: label('Flag') },
      { id: 'pick', type: 'select', label: label('Pick'), options: [{ value: 'a', label: label('A') }], showIf: { field: 'flag', equals: 'a' } },
    ] }] });
    expect(paths(form({ field: 'flag', equals: true }))).toEqual(['sections.0.fields.0.showIf.field', 'sections.0.fields.2.showIf.equals']);
    expect(paths(form({ field: 'ghost', equals: 1 }))).toContain('sections.0.fields.0.showIf.field');
  });

  it('requires options on select and multiselect only, each once', () => {
    const form = (field: unknown) => ({ sections: [{ id: 's', title: label('S'), fields: [field] }] });
    expect(paths(form({ id: 'x', type: 'select', label: label('X') }))).toEqual(['sections.0.fields.0.options']);
    expect(paths(form({ id: 'x', type: 'multiselect', label: label('X'), options: [] }))).toEqual(['sections.0.fields.0.options']);
    expect(paths(form({ id: 'x', type: 'text', label: label('X'), options: [{ value: 'a', label: label('A') }] }))).toEqual(['sections.0.fields.0.options']);
    expect(paths(form({ id: 'x', type: 'select', label: label('X'), options: [{ value: 'a', label: label('A') }, { value: 'a', label: label('B') }] }))).toEqual(['sections.0.fields.0.options.1.value']);
  });

  it('refuses an unknown type, a bad id and a label without English', () => {
    const form = (field: unknown) => ({ sections: [{ id: 's', title: label('S'), fields: [field] }] });
    expect(paths(form({ id: 'x', type: 'signature', label: label('X') }))).toEqual(['sections.0.fields.0.type']);
    expect(paths(form({ id: '1x', type: 'text', label: label('X') }))).toEqual(['sections.0.fields.0.id']);
    expect(paths(form({ id: 'x', type: 'text', label: { vi: 'Tên' } }))).toEqual(['sections.0.fields.0.label.en']);
  });
});
