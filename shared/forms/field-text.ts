import type { FieldType, FormDefinition } from './form-definition.ts';

/** Cells of a spreadsheet that mean yes or no, in the four languages (compared lower-case). */
const YES = new Set(['yes', 'y', 'true', '1', 'có', 'co', 'ဟုတ်', 'نعم']);
const NO = new Set(['no', 'n', 'false', '0', 'không', 'khong', 'မဟုတ်', 'لا']);

function fromText(type: FieldType, text: string): unknown {
  switch (type) {
    case 'number': {
      const value = Number(text.replace(',', '.'));
      return text !== '' && Number.isFinite(value) ? value : text;
    }
    case 'boolean': {
      const word = text.toLocaleLowerCase();
      if (YES.has(word)) return true;
      if (NO.has(word)) return false;
      return text;
    }
    case 'multiselect':
      return text.split('|').map((value) => value.trim()).filter(Boolean);
    default:
      return text;
  }
}

/**
 * A case's form answers from text cells (an imported register's `fields.<id>` columns), typed as the
 * tenant's form says: numbers (a decimal comma is read too), yes/no in any of the four languages, several
 * choices separated by `|`. Text that does not fit its type is passed on as is, so the form's own schema
 * reports it on that field; columns the form does not have are passed on too, and refused there.
 */
export function fieldValuesFromText(form: FormDefinition, texts: Record<string, string>): Record<string, unknown> {
  const types = new Map(form.sections.flatMap((section) => section.fields.map((field) => [field.id, field.type] as const)));
  return Object.fromEntries(Object.entries(texts).map(([id, text]) => {
    const type = types.get(id);
    return [id, type ? fromText(type, text.trim()) : text];
  }));
}
