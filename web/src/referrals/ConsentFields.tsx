import { useTranslation } from 'react-i18next';
import type { ErrorDetail } from '../../../shared/errors.ts';
import { CONSENT_GIVERS } from '../../../shared/schemas/referral.ts';

export interface ConsentDraft {
  givenBy: string;
  givenAt: string;
  expiresAt: string;
  note: string;
}

export const emptyConsent = (): ConsentDraft => ({ givenBy: '', givenAt: new Date().toISOString().slice(0, 10), expiresAt: '', note: '' });

/** The consent as the API takes it: empty fields left out. */
export const consentOf = (draft: ConsentDraft) => ({
  givenBy: draft.givenBy || undefined,
  givenAt: draft.givenAt,
  ...(draft.expiresAt ? { expiresAt: draft.expiresAt } : {}),
  ...(draft.note ? { note: draft.note } : {}),
});

/** Who consented, when, until when — for referrals and transfers alike; errors use the API's `consent.*` paths. */
export function ConsentFields({ value, onChange, errors, mayOverride, idPrefix }: {
  value: ConsentDraft;
  onChange: (next: ConsentDraft) => void;
  errors: ErrorDetail[];
  mayOverride: boolean;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const set = (key: keyof ConsentDraft, text: string) => onChange({ ...value, [key]: text });
  const field = (name: keyof ConsentDraft, messageKey: string) => {
    const id = `${idPrefix}-${name}`;
    const error = errors.some((e) => e.path === `consent.${name}`);
    return {
      props: { id, ...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {}) },
      message: error && <p id={`${id}-error`} className="field-error">{t(messageKey)}</p>,
    };
  };
  const givenBy = field('givenBy', 'referrals.errors.givenBy');
  const givenAt = field('givenAt', 'referrals.errors.givenAt');
  const expiresAt = field('expiresAt', 'referrals.errors.expiresAt');
  const note = field('note', 'referrals.errors.justification');
  return (
    <fieldset>
      <legend>{t('referrals.consent')}</legend>
      <label htmlFor={givenBy.props.id}>{t('referrals.givenBy')}</label>
      <select {...givenBy.props} value={value.givenBy} onChange={(event) => set('givenBy', event.target.value)}>
        <option value="">{t('referrals.chooseOne')}</option>
        {CONSENT_GIVERS.filter((giver) => mayOverride || giver !== 'not_required_best_interests').map((giver) => (
          <option key={giver} value={giver}>{t(`consentGiver.${giver}`)}</option>
        ))}
      </select>
      {givenBy.message}
      <label htmlFor={givenAt.props.id}>{t('referrals.givenAt')}</label>
      <input {...givenAt.props} type="date" value={value.givenAt} onChange={(event) => set('givenAt', event.target.value)} />
      {givenAt.message}
      <label htmlFor={expiresAt.props.id}>{t('referrals.expiresAt')}</label>
      <input {...expiresAt.props} type="date" value={value.expiresAt} onChange={(event) => set('expiresAt', event.target.value)} />
      {expiresAt.message}
      <label htmlFor={note.props.id}>{value.givenBy === 'not_required_best_interests' ? t('referrals.justification') : t('referrals.consentNote')}</label>
      <textarea {...note.props} rows={3} value={value.note} onChange={(event) => set('note', event.target.value)} />
      {note.message}
    </fieldset>
  );
}
