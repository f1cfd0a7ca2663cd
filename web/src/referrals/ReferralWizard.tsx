import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DomainError, type ErrorDetail } from '../../../shared/errors.ts';
import { requireConsent } from '../../../shared/referrals/consent.ts';
import { buildSnapshot } from '../../../shared/referrals/snapshot.ts';
import { SHARE_SECTIONS, type Referral, type ShareSection } from '../../../shared/schemas/referral.ts';
import { api, ApiError } from '../app/api.ts';
import { useCan } from '../app/use-me.ts';
import type { CaseOverview } from '../cases/case-api.ts';
import { fetchOrganizations } from './referral-api.ts';
import { SnapshotView } from './SnapshotView.tsx';
import { ConsentFields, consentOf, emptyConsent, type ConsentDraft } from './ConsentFields.tsx';

const STEPS = ['partner', 'consent', 'share'] as const;
type Step = (typeof STEPS)[number];
const today = () => new Date().toISOString().slice(0, 10);

interface Draft {
  organizationId: string;
  service: string;
  reason: string;
  consent: ConsentDraft;
  share: ShareSection[];
}

/**
 * Refer a child in three steps: choose the partner and service from the directory, record the consent, choose
 * what to share — with a preview built by the very function the server uses, so it shows exactly what the
 * partner will read.
 */
export function ReferralWizard({ overview, onDone }: { overview: CaseOverview; onDone: () => void }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const mayOverride = useCan('consent.override');
  const organizations = useQuery({ queryKey: ['organizations'], queryFn: fetchOrganizations });
  const [step, setStep] = useState<Step>('partner');
  const [search, setSearch] = useState('');
  const [errors, setErrors] = useState<ErrorDetail[]>([]);
  const [draft, setDraft] = useState<Draft>({ organizationId: '', service: '', reason: '', consent: emptyConsent(), share: ['child.basic'] });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((old) => ({ ...old, [key]: value }));
  const errorAt = (path: string) => errors.find((error) => error.path === path);

  const refer = useMutation({
    mutationFn: async () => (await api<Referral>(`/api/v1/cases/${overview.case.id}/referrals`, {
      method: 'POST',
      body: { organizationId: draft.organizationId, service: draft.service, reason: draft.reason, consent: consentOf(draft.consent), share: draft.share },
    })).data,
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['case', overview.case.id] });
      void queries.invalidateQueries({ queryKey: ['referrals'] });
      onDone();
    },
    onError: (error) => setErrors(error instanceof ApiError ? error.details : []),
  });

  const matches = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase();
    return (organizations.data ?? []).filter((org) => org.active).flatMap((org) => org.services.map((service) => ({ org, service })))
      .filter(({ org, service }) => !needle || `${org.name} ${service.name} ${service.description ?? ''}`.toLocaleLowerCase().includes(needle));
  }, [organizations.data, search]);

  /** Checks the current step with the shared rules before moving on. */
  const next = () => {
    const problems: ErrorDetail[] = [];
    if (step === 'partner') {
      if (!draft.service) problems.push({ path: 'service', message: 'required' });
      if (!draft.reason.trim()) problems.push({ path: 'reason', message: 'required' });
    }
    if (step === 'consent') {
      try {
        requireConsent(consentOf(draft.consent), { today: today(), mayOverride });
      } catch (error) {
        if (error instanceof DomainError) problems.push(...(error.details ?? []));
      }
    }
    setErrors(problems);
    if (problems.length === 0) setStep(STEPS[STEPS.indexOf(step) + 1] ?? step);
  };

  const preview = buildSnapshot(overview.case, overview.notes, draft.share);
  const described = (path: string) => (errorAt(path) ? { 'aria-invalid': true, 'aria-describedby': `referral-${path}-error` } : {});
  const problem = (path: string, key: string) => errorAt(path) && <p id={`referral-${path}-error`} className="field-error">{t(key)}</p>;

  return (
    <form className="form wizard" noValidate onSubmit={(event) => { event.preventDefault(); if (step === 'share') refer.mutate(); else next(); }}>
      <p className="muted" aria-live="polite">{t('referrals.step', { current: STEPS.indexOf(step) + 1, total: STEPS.length })}</p>
      {step === 'partner' && (
        <fieldset>
          <legend>{t('referrals.choosePartner')}</legend>
          <label htmlFor="referral-search">{t('referrals.searchDirectory')}</label>
          <input id="referral-search" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
          <div role="radiogroup" aria-label={t('referrals.services')} className="directory" {...described('service')}>
            {organizations.isPending && <p role="status">{t('common.loading')}</p>}
            {matches.length === 0 && !organizations.isPending && <p className="muted">{t('referrals.noMatch')}</p>}
            {matches.map(({ org, service }) => (
              <label key={`${org.id}/${service.id}`} className="checkbox directory-entry">
                <input type="radio" name="service" checked={draft.organizationId === org.id && draft.service === service.id}
                  onChange={() => setDraft((old) => ({ ...old, organizationId: org.id, service: service.id }))} />
                <span><strong>{service.name}</strong> — {org.name} <span className="muted small">({t(`organizationKind.${org.kind}`)})</span>
                  {service.eligibility && <span className="muted small"> · {service.eligibility}</span>}</span>
              </label>
            ))}
          </div>
          {problem('service', 'referrals.errors.service')}
          <label htmlFor="referral-reason">{t('referrals.reason')}</label>
          <textarea id="referral-reason" rows={3} value={draft.reason} onChange={(event) => set('reason', event.target.value)} {...described('reason')} />
          {problem('reason', 'referrals.errors.reason')}
        </fieldset>
      )}
      {step === 'consent' && (
        <ConsentFields idPrefix="consent" value={draft.consent} onChange={(consent) => set('consent', consent)} errors={errors} mayOverride={mayOverride} />
      )}
      {step === 'share' && (
        <>
          <fieldset {...described('share')}>
            <legend>{t('referrals.share')}</legend>
            <div className="checkbox-grid">
              {SHARE_SECTIONS.map((section) => (
                <label key={section} className="checkbox">
                  <input type="checkbox" checked={draft.share.includes(section)}
                    onChange={(event) => set('share', event.target.checked ? [...draft.share, section] : draft.share.filter((s) => s !== section))} />
                  {t(`shareSection.${section}`)}
                </label>
              ))}
            </div>
            {problem('share', 'referrals.errors.share')}
          </fieldset>
          <section aria-labelledby="referral-preview" className="preview">
            <h3 id="referral-preview">{t('referrals.preview')}</h3>
            <SnapshotView snapshot={preview} />
          </section>
        </>
      )}
      {refer.isError && errors.length === 0 && <p role="alert" className="error">{t('common.error')}</p>}
      <div className="dialog-actions">
        {step !== 'partner' && <button type="button" className="secondary" onClick={() => { setErrors([]); setStep(STEPS[STEPS.indexOf(step) - 1] ?? step); }}>{t('referrals.back')}</button>}
        <button type="submit" disabled={refer.isPending || (step === 'share' && draft.share.length === 0)}>
          {step === 'share' ? t('referrals.send') : t('referrals.next')}
        </button>
        <button type="button" className="link-button" onClick={onDone}>{t('referrals.cancel')}</button>
      </div>
    </form>
  );
}
