import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../shared/schemas/case.ts';
import { formatDateTime } from '../../app/format.ts';

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

export function HistoryPanel({ history }: { history: HistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="history">
      {history.map((entry, index) => (
        <li key={index}>
          <p>
            <strong>{t(`historyAction.${entry.action}`, { defaultValue: entry.action })}</strong>{' '}
            <span className="muted">{entry.actor.username} · {formatDateTime(entry.at, i18n.language)}</span>
          </p>
          {entry.changes.length > 0 && (
            <details>
              <summary>{t('history.changes', { count: entry.changes.length })}</summary>
              <ul className="changes">
                {entry.changes.map((change) => <li key={change.path}><code>{change.path}</code>: {show(change.from)} <span className="icon-directional" aria-hidden="true">→</span> {show(change.to)}</li>)}
              </ul>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
