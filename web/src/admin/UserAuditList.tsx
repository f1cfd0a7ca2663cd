import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UserAuditEntry } from '../../../shared/schemas/user.ts';
import { api } from '../app/api.ts';
import { formatDateTime } from '../app/format.ts';

/** The tenant's user administration audit: who created, changed, disabled or reset whom, newest first. */
export function UserAuditList() {
  const { t, i18n } = useTranslation();
  const audit = useQuery({ queryKey: ['users', 'audit'], queryFn: async () => (await api<UserAuditEntry[]>('/api/v1/users/audit?limit=50')).data });
  const value = (path: string, raw: unknown): string => {
    if (raw === null || raw === undefined) return t('common.none');
    if (path === 'roles' && Array.isArray(raw)) return raw.map((role) => t(`roles.${String(role)}`)).join(', ');
    if (path === 'status') return t(`users.statuses.${String(raw)}`);
    return String(raw);
  };
  return (
    <section aria-labelledby="user-audit-heading">
      <h2 id="user-audit-heading">{t('users.audit.title')}</h2>
      {audit.isPending && <p role="status">{t('common.loading')}</p>}
      {audit.isError && <p role="alert" className="error">{t('common.error')}</p>}
      {audit.data?.length === 0 && <p>{t('users.audit.empty')}</p>}
      <ol className="record-list" data-testid="user-audit">
        {audit.data?.map((entry) => (
          <li key={entry.id} className={entry.selfGrant ? 'notice' : undefined}>
            <p>
              <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time> ·{' '}
              {t(`users.audit.actions.${entry.action.replace('user.', '')}`, { actor: entry.actor.username, target: entry.target.username })}
            </p>
            {entry.selfGrant && <p><strong>{t('users.audit.selfGrant')}</strong></p>}
            {entry.changes.length > 0 && (
              <ul>
                {entry.changes.map((change) => (
                  <li key={change.path}>{t(`users.audit.fields.${change.path}`, { defaultValue: change.path })}: <bdi>{value(change.path, change.from)}</bdi> → <bdi>{value(change.path, change.to)}</bdi></li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
