import type * as z from 'zod';
import { DomainError, type ErrorDetail } from './errors.ts';

/** Turns zod issues into the `details` of a VALIDATION_FAILED error (`child.dateOfBirth`-style paths). */
export function issuesToDetails(issues: readonly z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

/** Parses input with a schema; a failure becomes a 400 VALIDATION_FAILED with field paths. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = 'Request body'): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new DomainError('VALIDATION_FAILED', `${what} is not valid`, issuesToDetails(result.error.issues));
  }
  return result.data;
}
