import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Transfer } from '../../../shared/schemas/transfer.ts';
import { ApiError } from '../app/api.ts';
import { useCan } from '../app/use-me.ts';
import { formatDate, formatDateTime } from '../app/format.ts';
import { usePageHeading } from '../app/use-page-heading.ts';
import { postChange } from '../cases/case-api.ts';
import { fetchTransfers } from './transfer-api.ts';

/** Cases other tenants ask this one to take over (supervisors decide), and the ones this tenant sent. */
export default function TransfersPage() {
  const { t } = useTranslation();
  const heading = usePageHeading();
  const canDecide = useCan('transfer.decide');
  const canRequest = useCan('transfer.request');
  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>{t('transfers.title')}</h1>
      {canDecide && <TransferList box="inbox" />}
      {canRequest && <TransferList box="outbox" />}
    </section>
  );
}

function TransferList({ box }: { box: 'inbox' | 'outbox' }) {
  const { t, i18n } = useTranslation();
  const transfers = useQuery({ queryKey: ['transfers', box], queryFn: () => fetchTransfers(box) });
  return (
    <>
      <h2>{t(`transfers.${box}`)}</h2>
      {transfers.isPending && <p role="status">{t('common.loading')}</p>}
      {transfers.isError && <p role="alert" className="error">{t('common.error')}</p>}
      {transfers.data?.length === 0 && <p className="muted">{t('transfers.none')}</p>}
      <ul className="record-list">
        {transfers.data?.map((transfer) => (
          <li key={transfer.id}>
            <p>
              <strong>{transfer.case.caseNumber}</strong> · {transfer.case.child.fullName} · {box === 'inbox' ? transfer.fromTenantName : transfer.toTenantName}{' '}
              <span className={`status status-${transfer.status}`}>{t(`transferStatus.${transfer.status}`)}</span>
            </p>
            <p className="prose">{transfer.reason}</p>
            <p className="muted small">
              {t(`consentGiver.${transfer.consent.givenBy}`)} · {formatDate(transfer.consent.givenAt, i18n.language)} · {formatDateTime(transfer.updatedAt, i18n.language)}
            </p>
            {box === 'inbox' && <p className="prose small">{transfer.case.summary}</p>}
            {transfer.receivedCase && (box === 'inbox'
              ? <p><Link to={`/cases/${transfer.receivedCase.id}`}>{transfer.receivedCase.caseNumber}</Link></p>
              : <p><Link to={`/cases/${transfer.caseId}`}>{transfer.case.caseNumber}</Link> → {transfer.receivedCase.caseNumber}</p>)}
            {transfer.declineReason && <p className="prose"><strong>{t('referrals.declineReason')}:</strong> {transfer.declineReason}</p>}
            {box === 'inbox' && transfer.status === 'pending' && <Decision transfer={transfer} />}
          </li>
        ))}
      </ul>
    </>
  );
}

function Decision({ transfer }: { transfer: Transfer }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'accept' | 'decline') => postChange(`/api/v1/transfers/${transfer.id}/${decision}`, decision === 'decline' ? { reason } : {}, transfer.version),
    onSettled: () => queries.invalidateQueries({ queryKey: ['transfers'] }),
  });
  const id = `decline-${transfer.id}`;
  return (
    <div className="decision">
      <label htmlFor={id}>{t('transfers.declineReason')}</label>
      <input id={id} value={reason} onChange={(event) => setReason(event.target.value)} />
      <div className="dialog-actions">
        <button type="button" disabled={decide.isPending} onClick={() => decide.mutate('accept')}>{t('transfers.accept')}</button>
        <button type="button" className="secondary" disabled={decide.isPending || reason.trim() === ''} onClick={() => decide.mutate('decline')}>{t('transfers.decline')}</button>
      </div>
      {decide.isError && <p role="alert" className="error">{t(decide.error instanceof ApiError && decide.error.status === 412 ? 'referrals.changed' : 'common.error')}</p>}
    </div>
  );
}
