import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../app/use-me.ts';
import { formatDateTime } from '../app/format.ts';
import { usePageHeading } from '../app/use-page-heading.ts';
import { fetchReferrals, markNotificationsSeen } from './referral-api.ts';

/** A partner's inbox, or the referring side's outbox; opening it marks the referral notifications read. */
export default function ReferralsPage() {
  const { t, i18n } = useTranslation();
  const heading = usePageHeading();
  const queries = useQueryClient();
  const me = useMe().data;
  const box = me?.organizationId ? 'inbox' : 'outbox';
  const referrals = useQuery({ queryKey: ['referrals', box], queryFn: () => fetchReferrals(box), enabled: me !== undefined });
  useEffect(() => {
    if (referrals.isSuccess) void markNotificationsSeen().then(() => queries.invalidateQueries({ queryKey: ['notifications'] }));
  }, [referrals.isSuccess, referrals.dataUpdatedAt, queries]);
  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>{t(box === 'inbox' ? 'referrals.inbox' : 'referrals.outbox')}</h1>
      {referrals.isPending && <p role="status">{t('common.loading')}</p>}
      {referrals.isError && <p role="alert" className="error">{t('common.error')}</p>}
      {referrals.data?.length === 0 && <p>{t('referrals.none')}</p>}
      {referrals.data && referrals.data.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('referrals.count', { count: referrals.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('referrals.case')}</th>
                <th scope="col">{t('referrals.service')}</th>
                <th scope="col">{t('referrals.status')}</th>
                <th scope="col">{t('referrals.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {referrals.data.map((referral) => (
                <tr key={referral.id}>
                  <td><Link to={`/referrals/${referral.id}`}>{referral.caseNumber}</Link></td>
                  <td>{referral.service}{box === 'outbox' && <span className="muted small"> — {referral.organizationName}</span>}</td>
                  <td><span className={`status status-${referral.status}`}>{t(`referralStatus.${referral.status}`)}</span></td>
                  <td>{formatDateTime(referral.updatedAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
