import * as z from 'zod';
import { PersonName, SafeLine } from '../schemas/text.ts';

/**
 * A tenant's case form, as data (API.md "Forms"): sections of typed fields with labels in the tenant's
 * languages, `required`, `options` for selects and `showIf` skip logic. The SPA renders it and both the SPA
 * and the API validate a case's `fields` with the zod schema `compileFormSchema` derives from it.
 */

/**
 * A text in the four languages; English is the fallback and always present. Labels follow the name rule of
 * `shared/schemas/text.ts`: one line, bidi controls stripped, control characters refused.
 */
export const LocalizedText = z.object({
  en: PersonName({ max: 500, required: 'Enter the English text' }),
  vi: PersonName({ max: 500, min: 0 }).optional(),
  my: PersonName({ max: 500, min: 0 }).optional(),
  ar: PersonName({ max: 500, min: 0 }).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A label as stored, read as it was written: what was stored before the text rules must still read. */
export const StoredLocalizedText = LocalizedText.extend({ en: z.string(), vi: z.string().optional(), my: z.string().optional(), ar: z.string().optional() });

/** Field ids are the keys of a case's `fields` object. */
export const FieldId = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, 'Use 1–64 letters, digits or _, starting with a letter');

export const FIELD_TYPES = ['text', 'textarea', 'number', 'date', 'boolean', 'select', 'multiselect', 'location'] as const;
export const FieldType = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldType>;

/** Types whose values come from the field's own `options`. */
export const CHOICE_TYPES: readonly FieldType[] = ['select', 'multiselect'];

export const FieldOption = z.object({
  value: SafeLine({ max: 100 }),
  label: LocalizedText,
});
export type FieldOption = z.infer<typeof FieldOption>;

/** A scalar a field's value may equal (for multiselect: a value it contains). */
export const ShowIfValue = z.union([z.string().max(100), z.number(), z.boolean()]);
export type ShowIfValue = z.infer<typeof ShowIfValue>;

export const ShowIf = z.object({ field: FieldId, equals: ShowIfValue });
export type ShowIf = z.infer<typeof ShowIf>;

export const FormField = z.object({
  id: FieldId,
  type: FieldType,
  label: LocalizedText,
  required: z.boolean().optional(),
  options: z.array(FieldOption).max(200).optional(),
  showIf: ShowIf.optional(),
});
export type FormField = z.infer<typeof FormField>;

export const FormSection = z.object({
  id: FieldId,
  title: LocalizedText,
  fields: z.array(FormField).max(100),
});
export type FormSection = z.infer<typeof FormSection>;

/** The structure alone, before the cross-field rules below. */
const FormSections = z.object({ sections: z.array(FormSection).max(50) });

/**
 * `PUT /forms/case` body: the sections, checked as a whole — ids unique (fields across all sections),
 * `showIf` names a field that comes earlier, select/multiselect fields have distinct options and only they
 * have options, and `showIf.equals` is a value the named field can take. A `version` sent along is ignored.
 */
export const FormDefinitionInput = FormSections.superRefine((form, ctx) => {
  const sectionIds = new Set<string>();
  const earlier = new Map<string, FormField>();
  form.sections.forEach((section, s) => {
    if (sectionIds.has(section.id)) ctx.addIssue({ code: 'custom', path: ['sections', s, 'id'], message: `Section id ${section.id} is used twice` });
    sectionIds.add(section.id);
    section.fields.forEach((field, f) => {
      const at = (...rest: (string | number)[]) => ['sections', s, 'fields', f, ...rest];
      if (earlier.has(field.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: `Field id ${field.id} is used twice` });
      const isChoice = CHOICE_TYPES.includes(field.type);
      if (isChoice && (field.options?.length ?? 0) === 0) {
        ctx.addIssue({ code: 'custom', path: at('options'), message: 'A select field needs at least one option' });
      }
      if (!isChoice && field.options !== undefined) {
        ctx.addIssue({ code: 'custom', path: at('options'), message: `A ${field.type} field has no options` });
      }
      const values = (field.options ?? []).map((option) => option.value);
      values.forEach((value, o) => {
        if (values.indexOf(value) !== o) ctx.addIssue({ code: 'custom', path: at('options', o, 'value'), message: `Option ${value} is listed twice` });
      });
      if (field.showIf) {
        const target = earlier.get(field.showIf.field);
        if (!target) {
          ctx.addIssue({ code: 'custom', path: at('showIf', 'field'), message: 'Show this field only after a field that comes before it' });
        } else if (!canEqual(target, field.showIf.equals)) {
          ctx.addIssue({ code: 'custom', path: at('showIf', 'equals'), message: `Field ${target.id} never takes this value` });
        }
      }
      earlier.set(field.id, field);
    });
  });
});
export type FormDefinitionInput = z.infer<typeof FormDefinitionInput>;

/** A stored definition's sections, their labels read as stored. */
const StoredFormField = FormField.extend({
  label: StoredLocalizedText,
  options: z.array(FieldOption.extend({ value: z.string(), label: StoredLocalizedText })).optional(),
});
const StoredFormSection = FormSection.extend({ title: StoredLocalizedText, fields: z.array(StoredFormField) });

/** What `GET /forms/case` answers: a definition and its version (also the ETag). */
export const FormDefinition = z.object({ sections: z.array(StoredFormSection), version: z.number().int().min(1) });
export type FormDefinition = z.infer<typeof FormDefinition>;

/** The form of a tenant that has not configured one: no sections, so nothing beyond the core fields. */
export const DEFAULT_FORM: FormDefinition = { version: 1, sections: [] };

function canEqual(target: FormField, value: ShowIfValue): boolean {
  switch (target.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number';
    case 'select':
    case 'multiselect':
      return (target.options ?? []).some((option) => option.value === value);
    default:
      return typeof value === 'string';
  }
}

/** Every field of the definition, in document order. */
export const formFields = (definition: { sections: readonly FormSection[] }): FormField[] =>
  definition.sections.flatMap((section) => section.fields);
