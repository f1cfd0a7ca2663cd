import type { FieldType, FormField, FormSection, ShowIfValue } from '../../../shared/forms/form-definition.ts';

/** Pure edits of a form definition, for the builder: each returns new sections and leaves the input alone. */
export type Sections = FormSection[];

export function moveItem<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function updateField(sections: Sections, s: number, f: number, change: Partial<FormField>): Sections {
  return sections.map((section, i) =>
    i !== s ? section : { ...section, fields: section.fields.map((field, j) => (j === f ? withoutUndefined({ ...field, ...change }) : field)) },
  );
}

export function updateFields(sections: Sections, s: number, fields: FormField[]): Sections {
  return sections.map((section, i) => (i === s ? { ...section, fields } : section));
}

/** A fresh field with an id not yet used in the form. */
export function newField(sections: Sections): FormField {
  const used = new Set(sections.flatMap((section) => section.fields.map((field) => field.id)));
  let n = used.size + 1;
  while (used.has(`field${n}`)) n += 1;
  return { id: `field${n}`, type: 'text', label: { en: `Field ${n}` } };
}

export function newSection(sections: Sections): FormSection {
  const used = new Set(sections.map((section) => section.id));
  let n = sections.length + 1;
  while (used.has(`section${n}`)) n += 1;
  return { id: `section${n}`, title: { en: `Section ${n}` }, fields: [] };
}

/** Changing the type drops options a non-choice field may not have, and gives a choice field one to start. */
export function changeType(field: FormField, type: FieldType): Partial<FormField> {
  const choice = type === 'select' || type === 'multiselect';
  return { type, options: choice ? (field.options ?? [{ value: 'option1', label: { en: 'Option 1' } }]) : undefined };
}

/** Options as the builder's text area shows them: `value=English label`, one per line. */
export const optionsToText = (field: FormField) => (field.options ?? []).map((option) => `${option.value}=${option.label.en}`).join('\n');

export function textToOptions(text: string, previous: FormField['options'] = []): NonNullable<FormField['options']> {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [value = '', ...rest] = line.split('=');
      const en = rest.join('=').trim() || value.trim();
      const earlier = previous.find((option) => option.value === value.trim());
      return { value: value.trim(), label: { ...earlier?.label, en } };
    });
}

/** `showIf.equals` typed like the field it names: booleans and numbers are not strings. */
export function coerceEquals(target: FormField | undefined, raw: string): ShowIfValue {
  if (target?.type === 'boolean') return raw === 'true';
  if (target?.type === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return raw;
}

function withoutUndefined(field: FormField): FormField {
  return Object.fromEntries(Object.entries(field).filter(([, value]) => value !== undefined)) as FormField;
}
