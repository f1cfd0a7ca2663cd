import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FollowUpInput, type FollowUp } from '../../../../shared/schemas/case-records.ts';
import { useCan } from '../../app/use-me.ts';
import { formatDate } from '../../app/format.ts';
import { postChange, type CaseOverview } from '../case-api.ts';
import { ChangeForm, Field } from '../ChangeForm.tsx';

const today = () => new Date().toISOString().slice(0, 10);

export function FollowUpsPanel({ overview }: { overview: CaseOverview }) {
  const { t, i18n } = useTranslation();
  const kase = overview.case;
  const queries = useQueryClient();
  const canAdd = useCan('followup.create') && kase.status === 'open';
  const complete = useMutation({
    mutationFn: (followUp: FollowUp) => postChange(`/api/v1/cases/${kase.id}/follow-ups/${followUp.id}/complete`, {}, followUp.version),
    onSettled: () => queries.invalidateQueries({ queryKey: ['case', kase.id] }),
  });
  return (
    <>
      {overview.followUps.length === 0 ? <p className="muted">{t('followUps.none')}</p> : (
        <ul className="record-list">
          {overview.followUps.map((followUp) => (
            <li key={followUp.id} className={followUp.status === 'open' && followUp.dueDate < today() ? 'overdue' : ''}>
              <strong>{formatDate(followUp.dueDate, i18n.language)}</strong> — {followUp.note}{' '}
              <span className="muted">({t(`followUps.status.${followUp.status}`)})</span>
              {followUp.status === 'open' && canAdd && (
                <button type="button" className="secondary small" onClick={() => complete.mutate(followUp)}>{t('followUps.markDone')}</button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <ChangeForm schema={FollowUpInput} seen={kase} submitLabel={t('followUps.add')}
          values={(form) => ({ dueDate: form.get('dueDate'), note: form.get('note') })}
          send={(data) => postChange(`/api/v1/cases/${kase.id}/follow-ups`, data)}>
          <Field name="dueDate" label={t('fields.dueDate')}>{(props) => <input {...props} type="date" />}</Field>
          <Field name="note" label={t('fields.note')}>{(props) => <input {...props} />}</Field>
        </ChangeForm>
      )}
    </>
  );
}
