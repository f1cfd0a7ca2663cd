import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Approval } from '../../../shared/schemas/lifecycle.ts';
import { api } from '../app/api.ts';
import { useCan, useMe } from '../app/use-me.ts';
import { formatDateTime } from '../app/format.ts';
import { usePageHeading } from '../app/use-page-heading.ts';
import { postChange } from '../cases/case-api.ts';
import { UnitFilter, useUnitParam } from '../units/UnitFilter.tsx';

/** The supervisor's inbox: pending requests, oldest first, decided here (never one's own). */
export default function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  const heading = usePageHeading();
  const me = useMe().data;
  const canDecide = useCan('approval.decide');
  const [unit] = useUnitParam();
  const query = useQuery({
    queryKey: ['approvals', { unit }],
    queryFn: async () => (await api<Approval[]>(`/api/v1/approvals?${new URLSearchParams({ status: 'pending', limit: '100', ...(unit ? { unit } : {}) }).toString()}`)).data,
  });
  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>{t('approvals.title')}</h1>
      <div className="filters"><UnitFilter /></div>
      {query.isPending && <p role="status">{t('common.loading')}</p>}
      {query.isError && <p role="alert" className="error">{t('common.error')}</p>}
      {query.data?.length === 0 && <p>{t('approvals.none')}</p>}
      <ul className="record-list">
        {query.data?.map((approval) => (
          <li key={approval.id}>
            <p>
              <Link to={`/cases/${approval.caseId}`}>{approval.caseNumber}</Link> — <strong>{t(`approvalKind.${approval.kind}`)}</strong>{' '}
              <span className="muted">{formatDateTime(approval.createdAt, i18n.language)}</span>
            </p>
            {canDecide && (approval.requestedBy === me?.userId ? <p className="muted">{t('approvals.own')}</p> : <Decision approval={approval} />)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Decision({ approval }: { approval: Approval }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [comment, setComment] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') => postChange(`/api/v1/approvals/${approval.id}/${decision}`, { comment: comment || undefined }, approval.version),
    onSettled: () => {
      void queries.invalidateQueries({ queryKey: ['approvals'] });
      void queries.invalidateQueries({ queryKey: ['case', approval.caseId] });
    },
  });
  const id = `comment-${approval.id}`;
  return (
    <div className="decision">
      <label htmlFor={id}>{t('approvals.comment')}</label>
      <input id={id} value={comment} onChange={(event) => setComment(event.target.value)} />
      <div className="dialog-actions">
        <button type="button" disabled={decide.isPending} onClick={() => decide.mutate('approve')}>{t('approvals.approve')}</button>
        <button type="button" className="secondary" disabled={decide.isPending || comment.trim() === ''} onClick={() => decide.mutate('reject')}>{t('approvals.reject')}</button>
      </div>
      {decide.isError && <p role="alert" className="error">{t('common.error')}</p>}
    </div>
  );
}
