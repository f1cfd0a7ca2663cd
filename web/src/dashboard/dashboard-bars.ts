import type { TFunction } from 'i18next';
import type { Bar } from './BarChart.tsx';

/**
 * Bars from a `{ key: count }` map: in the given order when there is one (stages, risk levels), else the
 * largest first. Keys missing from the map count 0 in an ordered chart, and are left out otherwise.
 */
export function barsOf(counts: Record<string, number | string>, label: (key: string) => string, order?: readonly string[]): Bar[] {
  if (order) return order.map((key) => ({ key, label: label(key), value: counts[key] ?? 0 }));
  const size = (value: number | string) => (typeof value === 'number' ? value : 0);
  return Object.entries(counts)
    .sort(([a, x], [b, y]) => size(y) - size(x) || a.localeCompare(b))
    .map(([key, value]) => ({ key, label: label(key), value }));
}

/** A category code's name in the user's language; a tenant's own codes fall back to the code. */
export const categoryLabel = (t: TFunction) => (code: string) => t(`category.${code}`, { defaultValue: code });
