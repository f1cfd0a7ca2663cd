import { describe, expect, it } from 'vitest';
import { FormDefinitionInput } from '../../../shared/forms/form-definition.ts';
import { changeType, coerceEquals, moveItem, newField, newSection, textToOptions, updateField } from './builder-model.ts';

describe('form builder edits', () => {
  it('moves an item up and down and stays put at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  it('builds a definition the shared schema accepts: a required select and a text shown for one answer', () => {
    let sections = [newSection([])];
    const select = newField(sections);
    sections = [{ ...sections[0]!, fields: [select] }];
    sections = updateField(sections, 0, 0, { ...changeType(select, 'select'), required: true, options: textToOptions('school=In school\nwork=Working') });
    const text = newField(sections);
    sections = [{ ...sections[0]!, fields: [...sections[0]!.fields, { ...text, showIf: { field: select.id, equals: coerceEquals(sections[0]!.fields[0], 'work') } }] }];
    expect(text.id).not.toBe(select.id);
    expect(FormDefinitionInput.safeParse({ sections }).success).toBe(true);
  });

  it('keeps translations of an option whose value stays, and types showIf values', () => {
    const options = textToOptions('a=Alpha', [{ value: 'a', label: { en: 'A', vi: 'Chữ A' } }]);
    expect(options).toEqual([{ value: 'a', label: { en: 'Alpha', vi: 'Chữ A' } }]);
    expect(coerceEquals({ id: 'b', type: 'boolean', label: { en: 'B' } }, 'true')).toBe(true);
    expect(coerceEquals({ id: 'n', type: 'number', label: { en: 'N' } }, '3')).toBe(3);
    expect(changeType({ id: 's', type: 'select', label: { en: 'S' }, options }, 'text').options).toBeUndefined();
  });
});
