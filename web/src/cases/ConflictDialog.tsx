import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { diff } from '../../../shared/history/diff.ts';
import type { Case } from '../../../shared/schemas/case.ts';
import { fetchOverview } from './case-api.ts';

/** Someone else changed the case: show what changed since the user's version and offer to apply theirs on top. */
export function ConflictDialog({ seen, onRetry, onClose }: { seen: Case; onRetry: (latest: Case) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const latest = useQuery({ queryKey: ['case', seen.id], queryFn: () => fetchOverview(seen.id) });
  useEffect(() => {
    dialog.current?.showModal();
    void latest.refetch();
    // Refetch once when the dialog opens; later renders must not refetch again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // Only a freshly fetched case counts: the cached one may be the very version that was refused.
  const current = latest.isFetching ? undefined : latest.data?.case;
  const { id: _id, updatedAt: _u, version: _v, ...before } = seen;
  const changes = current ? diff(before, (({ id: _i, updatedAt: _uu, version: _vv, ...after }) => after)(current)) : [];
  return (
    <dialog ref={dialog} className="conflict" aria-labelledby="conflict-title" onClose={onClose}>
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p>{t('conflict.explain')}</p>
      {current && (
        <>
          <p>{t('conflict.changed', { count: changes.length })}</p>
          <ul className="changes">
            {changes.map((change) => (
              <li key={change.path}><code>{change.path}</code>: {display(change.from)} <span className="icon-directional" aria-hidden="true">→</span> {display(change.to)}</li>
            ))}
          </ul>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" disabled={!current} onClick={() => current && onRetry(current)}>{t('conflict.retry')}</button>
        <button type="button" className="secondary" onClick={() => dialog.current?.close()}>{t('conflict.cancel')}</button>
      </div>
    </dialog>
  );
}

const display = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));
