import type * as z from 'zod';

export type FieldErrors = Record<string, string>;

/** Validates a form's values with the same shared schema the API uses; errors keyed by path (`goals.0.dueDate`). */
export function parseForm<S extends z.ZodType>(schema: S, values: unknown): { data: z.infer<S>; errors?: undefined } | { data?: undefined; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) errors[issue.path.map(String).join('.')] ??= issue.message;
  return { errors };
}

/** Lines of a textarea as a list, blank lines dropped. */
export const lines = (text: FormDataEntryValue | null) => String(text ?? '').split('\n').map((line) => line.trim()).filter(Boolean);

/** An optional text input: empty means absent. */
export const optional = (value: FormDataEntryValue | null) => (String(value ?? '').trim() === '' ? undefined : String(value));
