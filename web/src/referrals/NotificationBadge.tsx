import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchNotifications } from './referral-api.ts';

/** Unread referral news beside the nav link, refreshed every minute; read out as words, not just a number. */
export function NotificationBadge() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['notifications'], queryFn: fetchNotifications, refetchInterval: 60_000 });
  const unread = query.data?.referrals.unread ?? 0;
  if (unread === 0) return null;
  const shown = query.data?.referrals.more ? `${unread}+` : String(unread);
  return <span className="badge" aria-label={t('referrals.unread', { count: unread })}>{shown}</span>;
}
