export interface FieldChange {
  path: string;
  from: unknown;
  to: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Field-level changes between two versions of a record, as history stores them: nested objects are walked
 * (`child.fullName`), arrays and scalars compare as whole values. `undefined` and absent are the same; a
 * value that appears or disappears is recorded with `null` on the missing side.
 */
export function diff(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diff(before[key], after[key], path ? `${path}.${key}` : key));
  }
  if (isPlainObject(after) && before === undefined) return diff({}, after, path);
  if (isPlainObject(before) && after === undefined) return diff(before, {}, path);
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path, from: before ?? null, to: after ?? null }];
}
