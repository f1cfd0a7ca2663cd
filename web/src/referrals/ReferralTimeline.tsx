import { useTranslation } from 'react-i18next';
import type { ReferralSummary } from './referral-api.ts';
import { formatDateTime } from '../app/format.ts';

/** Every step of a referral, oldest first: who moved it to which status, when, and why. */
export function ReferralTimeline({ referral }: { referral: ReferralSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="timeline" aria-label={t('referrals.timeline')}>
      {referral.events.map((event) => (
        <li key={`${event.at}-${event.status}`}>
          <strong>{t(`referralStatus.${event.status}`)}</strong>{' '}
          <span className="muted small"><bdi>{event.by}</bdi> · <bdi>{formatDateTime(event.at, i18n.language)}</bdi></span>
          {event.note && <p className="prose">{event.note}</p>}
        </li>
      ))}
    </ol>
  );
}
