import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ErrorDetail } from '../../../shared/errors.ts';
import type { Case } from '../../../shared/schemas/case.ts';
import { api, ApiError } from '../app/api.ts';
import { useCan } from '../app/use-me.ts';
import { ConsentFields, consentOf, emptyConsent } from '../referrals/ConsentFields.tsx';
import { fetchDestinations } from './transfer-api.ts';

/** Asks another tenant to take the case over when the child moves there; their supervisor answers. */
export function TransferForm({ kase }: { kase: Case }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const mayOverride = useCan('consent.override');
  const destinations = useQuery({ queryKey: ['transfer-destinations'], queryFn: fetchDestinations });
  const [toTenantId, setToTenantId] = useState('');
  const [reason, setReason] = useState('');
  const [consent, setConsent] = useState(emptyConsent);
  const [errors, setErrors] = useState<ErrorDetail[]>([]);
  const request = useMutation({
    mutationFn: async () => (await api(`/api/v1/cases/${kase.id}/transfers`, { method: 'POST', body: { toTenantId, reason, consent: consentOf(consent) } })).data,
    onSuccess: () => {
      setErrors([]);
      void queries.invalidateQueries({ queryKey: ['case', kase.id] });
      void queries.invalidateQueries({ queryKey: ['transfers'] });
    },
    onError: (error) => setErrors(error instanceof ApiError ? error.details : []),
  });
  const invalid = (path: string) => (errors.some((e) => e.path === path) ? { 'aria-invalid': true, 'aria-describedby': `transfer-${path}-error` } : {});
  const problem = (path: string, key: string) => errors.some((e) => e.path === path) && <p id={`transfer-${path}-error`} className="field-error">{t(key)}</p>;
  return (
    <details className="action">
      <summary>{t('transfers.request')}</summary>
      <form className="form" noValidate onSubmit={(event) => { event.preventDefault(); request.mutate(); }}>
        <label htmlFor="transfer-toTenantId">{t('transfers.destination')}</label>
        <select id="transfer-toTenantId" value={toTenantId} onChange={(event) => setToTenantId(event.target.value)} {...invalid('toTenantId')}>
          <option value="">{t('referrals.chooseOne')}</option>
          {destinations.data?.map((tenant) => <option key={tenant.id} value={tenant.id}>{tenant.name}</option>)}
        </select>
        {problem('toTenantId', 'transfers.errors.destination')}
        <label htmlFor="transfer-reason">{t('transfers.reason')}</label>
        <textarea id="transfer-reason" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} {...invalid('reason')} />
        {problem('reason', 'transfers.errors.reason')}
        <ConsentFields idPrefix="transfer-consent" value={consent} onChange={setConsent} errors={errors} mayOverride={mayOverride} />
        {request.isSuccess && <p role="status">{t('transfers.requested')}</p>}
        {request.isError && errors.length === 0 && <p role="alert" className="error">{t(request.error instanceof ApiError && request.error.status === 409 ? 'transfers.alreadyWaiting' : 'common.error')}</p>}
        <button type="submit" disabled={request.isPending}>{t('transfers.send')}</button>
      </form>
    </details>
  );
}
