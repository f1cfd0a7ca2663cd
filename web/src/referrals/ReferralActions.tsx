import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReferralAction } from '../../../shared/referrals/status.ts';
import { ApiError } from '../app/api.ts';
import { postChange } from '../cases/case-api.ts';
import { REFERRAL_QUERIES, type ReferralSummary } from './referral-api.ts';

/** The text each action needs: decline and revoke a reason, complete an outcome, accept nothing. */
const TEXT_OF: Record<ReferralAction, 'reason' | 'outcome' | undefined> = { accept: undefined, decline: 'reason', complete: 'outcome', revoke: 'reason' };

/** One action on a referral, with If-Match on the version shown; a 412 asks to reload rather than overwrite. */
export function ReferralActionForm({ referral, action, caseId }: { referral: ReferralSummary; action: ReferralAction; caseId?: string }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const id = useId();
  const [text, setText] = useState('');
  const textField = TEXT_OF[action];
  const run = useMutation({
    mutationFn: () => postChange(`/api/v1/referrals/${referral.id}/${action}`, textField ? { [textField]: text } : {}, referral.version),
    onSuccess: () => {
      setText('');
      for (const key of REFERRAL_QUERIES) void queries.invalidateQueries({ queryKey: [...key] });
      if (caseId) void queries.invalidateQueries({ queryKey: ['case', caseId] });
    },
  });
  const stale = run.error instanceof ApiError && run.error.status === 412;
  return (
    <form className="decision" onSubmit={(event) => { event.preventDefault(); run.mutate(); }}>
      {textField && (
        <>
          <label htmlFor={id}>{t(`referralActions.${action}Text`)}</label>
          <textarea id={id} rows={2} value={text} onChange={(event) => setText(event.target.value)} />
        </>
      )}
      <button type="submit" className={action === 'accept' || action === 'complete' ? undefined : 'secondary'} disabled={run.isPending || (textField !== undefined && text.trim() === '')}>
        {t(`referralActions.${action}`)}
      </button>
      {run.isError && <p role="alert" className="error">{t(stale ? 'referrals.changed' : 'common.error')}</p>}
    </form>
  );
}

export function RevokeReferral({ referral, caseId }: { referral: ReferralSummary; caseId: string }) {
  const { t } = useTranslation();
  return (
    <details className="action">
      <summary>{t('referralActions.revoke')}</summary>
      <ReferralActionForm referral={referral} action="revoke" caseId={caseId} />
    </details>
  );
}
