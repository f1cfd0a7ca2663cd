import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../app/format.ts';

export interface Bar {
  key: string;
  label: string;
  /** A count, or "<5" when a parent tenant reads a child tenant's small count. */
  value: number | string;
}

/**
 * A horizontal bar chart in plain HTML and CSS: a titled list whose items read "label: number" to a screen
 * reader (the bars themselves are decoration). Logical properties, so the bars grow from the right in Arabic.
 */
export function BarChart({ title, bars, emptyText }: { title: string; bars: Bar[]; emptyText?: string }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const largest = Math.max(1, ...bars.map((bar) => (typeof bar.value === 'number' ? bar.value : 0)));
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>{title}</figcaption>
      {bars.length === 0 ? (
        <p className="muted">{emptyText ?? t('dashboard.noData')}</p>
      ) : (
        <ul aria-labelledby={titleId}>
          {bars.map((bar) => {
            const share = typeof bar.value === 'number' ? bar.value / largest : 0;
            return (
              <li key={bar.key}>
                {/* bdi: a Latin name inside Arabic (and the reverse) keeps its own direction, brackets included. */}
                <span className="chart-label"><bdi>{bar.label}</bdi></span>
                <span className="chart-track" aria-hidden="true">
                  <span className={`chart-bar${typeof bar.value === 'number' ? '' : ' chart-bar-masked'}`} style={{ inlineSize: `${Math.round(share * 100)}%` }} />
                </span>
                <span className="chart-value">
                  <span className="visually-hidden">: </span>
                  {formatCount(bar.value, i18n.language)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </figure>
  );
}
