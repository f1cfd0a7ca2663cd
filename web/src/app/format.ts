/** Dates and times in the user's language, through Intl. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A count in the user's language (Arabic digits in Arabic); a masked count ("<5") stays as the server sent it. */
export function formatCount(count: number | string, language: string): string {
  const numbers = new Intl.NumberFormat(language);
  return typeof count === 'number' ? numbers.format(count) : count.replace(/\d+/g, (digits) => numbers.format(Number(digits)));
}

/**
 * Wraps a code written left to right (`2026-H2`) in Unicode isolates for interpolation into a translated
 * sentence, so an Arabic sentence cannot reorder its parts (it would show `H2-2026`).
 */
export const isolate = (code: string): string => `\u2066${code}\u2069`;
