import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { useCan } from '../app/use-me.ts';
import { formatDate } from '../app/format.ts';
import { usePageHeading } from '../app/use-page-heading.ts';
import { fetchReferral } from './referral-api.ts';
import { SnapshotView } from './SnapshotView.tsx';
import { ReferralTimeline } from './ReferralTimeline.tsx';
import { ReferralActionForm } from './ReferralActions.tsx';

/** One referral: what was shared, why, with what consent, its timeline — and the partner's answers. */
export default function ReferralPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const heading = usePageHeading();
  const canRespond = useCan('referral.respond');
  const query = useQuery({ queryKey: ['referral', id], queryFn: () => fetchReferral(id) });
  const referral = query.data;
  if (query.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!referral) {
    const gone = query.error instanceof ApiError && query.error.status === 404;
    return (
      <section>
        <h1 ref={heading} tabIndex={-1}>{gone ? t('referrals.notFound') : t('common.error')}</h1>
        <Link to="/referrals">{t('referrals.backToList')}</Link>
      </section>
    );
  }
  const { consent } = referral;
  return (
    <section>
      <p><Link to="/referrals">{t('referrals.backToList')}</Link></p>
      <h1 ref={heading} tabIndex={-1}>{t('referrals.title', { caseNumber: referral.caseNumber })}</h1>
      <p className="lead">{referral.service} — {referral.organizationName} · <span className={`status status-${referral.status}`}>{t(`referralStatus.${referral.status}`)}</span></p>
      <dl className="details">
        <dt>{t('referrals.reason')}</dt><dd className="prose">{referral.reason}</dd>
        <dt>{t('referrals.consent')}</dt>
        <dd>
          {t(`consentGiver.${consent.givenBy}`)} · {formatDate(consent.givenAt, i18n.language)}
          {consent.expiresAt && <> — {t('referrals.until', { date: formatDate(consent.expiresAt, i18n.language) })}</>}
        </dd>
        <dt>{t('referrals.referredBy')}</dt><dd>{referral.referredBy.username}</dd>
        {referral.outcome && <><dt>{t('referrals.outcome')}</dt><dd className="prose">{referral.outcome}</dd></>}
        {referral.declineReason && <><dt>{t('referrals.declineReason')}</dt><dd className="prose">{referral.declineReason}</dd></>}
      </dl>
      <h2>{t('referrals.sharedWithYou')}</h2>
      <SnapshotView snapshot={referral.snapshot} />
      <h2>{t('referrals.timeline')}</h2>
      <ReferralTimeline referral={referral} />
      {canRespond && referral.status === 'pending' && (
        <div className="actions-row">
          <ReferralActionForm referral={referral} action="accept" />
          <ReferralActionForm referral={referral} action="decline" />
        </div>
      )}
      {canRespond && referral.status === 'accepted' && <ReferralActionForm referral={referral} action="complete" />}
    </section>
  );
}
