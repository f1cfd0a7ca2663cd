/** Readable case numbers, unique per tenant and year: `NA-2026-000123`. */
export function formatCaseNumber(prefix: string, year: string, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}
