import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/use-me.ts';
import { formatDateTime } from '../app/format.ts';
import type { CaseOverview } from '../cases/case-api.ts';
import { ReferralWizard } from './ReferralWizard.tsx';
import { ReferralTimeline } from './ReferralTimeline.tsx';
import { RevokeReferral } from './ReferralActions.tsx';

/** The case's referrals with their timelines, and the wizard to make a new one. */
export function ReferralsPanel({ overview }: { overview: CaseOverview }) {
  const { t, i18n } = useTranslation();
  const canRefer = useCan('referral.create') && overview.case.status === 'open';
  const canRevoke = useCan('referral.revoke');
  const [referring, setReferring] = useState(false);
  return (
    <>
      {canRefer && !referring && <button type="button" onClick={() => setReferring(true)}>{t('referrals.new')}</button>}
      {referring && <ReferralWizard overview={overview} onDone={() => setReferring(false)} />}
      {overview.referrals.length === 0 ? <p className="muted">{t('referrals.none')}</p> : (
        <ul className="record-list">
          {overview.referrals.map((referral) => (
            <li key={referral.id}>
              <p>
                <Link to={`/referrals/${referral.id}`}>{referral.service} — {referral.organizationName}</Link>{' '}
                <span className={`status status-${referral.status}`}>{t(`referralStatus.${referral.status}`)}</span>
                {referral.bestInterestsOverride && <> <strong>{t('referrals.bestInterests')}</strong></>}
              </p>
              <p className="muted small">{t('referrals.shared')}: {referral.share.map((section) => t(`shareSection.${section}`)).join(', ')} · {formatDateTime(referral.createdAt, i18n.language)}</p>
              {referral.outcome && <p className="prose"><strong>{t('referrals.outcome')}:</strong> {referral.outcome}</p>}
              {referral.declineReason && <p className="prose"><strong>{t('referrals.declineReason')}:</strong> {referral.declineReason}</p>}
              <ReferralTimeline referral={referral} />
              {canRevoke && (referral.status === 'pending' || referral.status === 'accepted') && <RevokeReferral referral={referral} caseId={overview.case.id} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
