import * as z from 'zod';
import { IsoDate } from '../schemas/common.ts';
import { PersonName, SafeLine, SafeText } from '../schemas/text.ts';
import { formFields, type FormField, type FormSection, type ShowIfValue } from './form-definition.ts';

/** A stored value of a form field. */
export type FieldValue = string | number | boolean | string[];
export type FieldValues = Record<string, FieldValue>;

export interface CompileOptions {
  /** Ids of the tenant's locations (lookups): `location` fields must name one. Any id is accepted without it. */
  locationIds?: ReadonlySet<string>;
}

type DefinitionLike = { sections: readonly FormSection[] };

/**
 * The fields shown for `values`: a field without `showIf` always; one with `showIf` when the field it names is
 * itself shown and equals the value (for a multiselect: contains it). The definition guarantees that `showIf`
 * names an earlier field, so one pass in document order decides everything.
 */
export function visibleFieldIds(definition: DefinitionLike, values: Readonly<Record<string, unknown>>): Set<string> {
  const visible = new Set<string>();
  for (const field of formFields(definition)) {
    if (!field.showIf || (visible.has(field.showIf.field) && matches(values[field.showIf.field], field.showIf.equals))) {
      visible.add(field.id);
    }
  }
  return visible;
}

function matches(value: unknown, expected: ShowIfValue): boolean {
  return Array.isArray(value) ? value.includes(expected) : value === expected;
}

/** No answer: absent, null, blank text or an empty multiselect. Such a value is never stored. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function valueSchema(field: FormField, options: CompileOptions): z.ZodType<FieldValue> {
  const choices = (field.options ?? []).map((option) => option.value);
  const choice = z.string().refine((value) => choices.includes(value), { message: 'Choose one of the options' });
  switch (field.type) {
    // Answers are free text (shared/schemas/text.ts): control characters and bidi overrides refused.
    case 'text':
      return SafeLine({ max: 1000, min: 0, invalid: 'Enter text' });
    case 'textarea':
      return SafeText({ max: 10_000, min: 0, invalid: 'Enter text' });
    case 'number':
      return z.number({ error: 'Enter a number' }).finite();
    case 'date':
      return IsoDate;
    case 'boolean':
      return z.boolean({ error: 'Answer yes or no' });
    case 'select':
      return choice;
    case 'multiselect':
      return z
        .array(choice, { error: 'Choose from the options' })
        .max(choices.length)
        .refine((values) => new Set(values).size === values.length, { message: 'Choose each option once' });
    case 'location': {
      const known = options.locationIds;
      return PersonName({ max: 100, min: 0, invalid: 'Choose a location' })
        .refine((id) => !known || known.has(id), { message: 'Choose a location from the list' });
    }
  }
}

/**
 * Compiles a form definition to the zod schema of a case's `fields` object — the same function in the SPA
 * and in the API. It rejects ids the form does not have and values of the wrong type, requires `required`
 * fields only while they are shown, and its output keeps only shown, non-blank fields (hidden ones are neither
 * required nor stored). Issue paths are the field id (`[id]`); nest it as `fields` of an object to get
 * `fields.<id>`.
 */
export function compileFormSchema(definition: DefinitionLike, options: CompileOptions = {}) {
  const fields = formFields(definition);
  const known = new Set(fields.map((field) => field.id));
  const schemas = new Map(fields.map((field) => [field.id, valueSchema(field, options)]));
  return z.record(z.string(), z.unknown(), { error: 'Send the form fields as an object' }).transform((values, ctx): FieldValues => {
    for (const id of Object.keys(values)) {
      if (!known.has(id)) ctx.addIssue({ code: 'custom', path: [id], message: 'The form has no such field', input: values[id] });
    }
    const visible = visibleFieldIds(definition, values);
    const stored: FieldValues = {};
    for (const field of fields) {
      const value = values[field.id];
      if (!visible.has(field.id)) continue;
      if (isBlank(value)) {
        if (field.required) ctx.addIssue({ code: 'custom', path: [field.id], message: 'This field is required', input: value });
        continue;
      }
      const parsed = schemas.get(field.id)?.safeParse(value);
      // Text of nothing but invisible characters is blank once cleaned: not stored either.
      if (parsed?.success && isBlank(parsed.data)) {
        if (field.required) ctx.addIssue({ code: 'custom', path: [field.id], message: 'This field is required', input: value });
      } else if (parsed?.success) stored[field.id] = parsed.data;
      else reportOncePerPath(parsed?.error.issues ?? [], (path, message) => ctx.addIssue({ code: 'custom', path: [field.id, ...path], message, input: value }));
    }
    return stored;
  });
}

/** The first message for each path: a wrong type must not also be reported as a wrong length. */
function reportOncePerPath(issues: readonly z.core.$ZodIssue[], report: (path: (string | number)[], message: string) => void) {
  const seen = new Set<string>();
  for (const issue of issues) {
    const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
    if (seen.has(path.join('.'))) continue;
    seen.add(path.join('.'));
    report(path, issue.message);
  }
}
