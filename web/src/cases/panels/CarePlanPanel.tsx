import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../../shared/schemas/case.ts';
import { CarePlanInput } from '../../../../shared/schemas/lifecycle.ts';
import { formatDate } from '../../app/format.ts';
import { postChange } from '../case-api.ts';
import { ChangeForm, Field } from '../ChangeForm.tsx';
import { useCanTake } from '../use-case-actions.ts';

export function CarePlanPanel({ kase }: { kase: Case }) {
  const { t, i18n } = useTranslation();
  const canTake = useCanTake(kase);
  const plan = kase.carePlan;
  const [goalCount, setGoalCount] = useState(Math.max(plan?.goals.length ?? 1, 1));
  const goals = Array.from({ length: goalCount }, (_, i) => i);
  return (
    <>
      {plan ? (
        <div className="record">
          <p className="muted">{t('carePlan.version', { version: plan.planVersion })} · {plan.approved ? t('approval.approved') : t('approval.notYet')}</p>
          <ul>
            {plan.goals.map((goal) => (
              <li key={goal.goal}>{goal.goal} — {formatDate(goal.dueDate, i18n.language)}{goal.services.length ? ` (${goal.services.join(', ')})` : ''}</li>
            ))}
          </ul>
          <p className="prose">{plan.summary}</p>
        </div>
      ) : (
        <p className="muted">{t('carePlan.none')}</p>
      )}
      {canTake('submit_care_plan') && (
        <ChangeForm schema={CarePlanInput} seen={kase} submitLabel={plan?.approved ? t('actions.adjustPlan') : t('actions.submitPlan')}
          values={(form) => ({
            goals: goals.map((i) => ({
              goal: form.get(`goal-${i}`),
              services: String(form.get(`services-${i}`) ?? '').split(',').map((s) => s.trim()).filter(Boolean),
              dueDate: form.get(`due-${i}`),
            })),
            summary: form.get('summary'),
          })}
          send={(data, version) => postChange(`/api/v1/cases/${kase.id}/care-plan`, data, version)}>
          {goals.map((i) => (
            <fieldset key={i}>
              <legend>{t('carePlan.goal', { number: i + 1 })}</legend>
              <Field name={`goals.${i}.goal`} label={t('fields.goal')}>{(props) => <input {...props} name={`goal-${i}`} defaultValue={plan?.goals[i]?.goal} />}</Field>
              <Field name={`goals.${i}.services`} label={t('fields.services')}>{(props) => <input {...props} name={`services-${i}`} defaultValue={plan?.goals[i]?.services.join(', ')} />}</Field>
              <Field name={`goals.${i}.dueDate`} label={t('fields.dueDate')}>{(props) => <input {...props} name={`due-${i}`} type="date" defaultValue={plan?.goals[i]?.dueDate} />}</Field>
            </fieldset>
          ))}
          <button type="button" className="secondary" onClick={() => setGoalCount(goalCount + 1)}>{t('carePlan.addGoal')}</button>
          <Field name="summary" label={t('fields.summary')}>{(props) => <textarea {...props} rows={3} defaultValue={plan?.summary} />}</Field>
        </ChangeForm>
      )}
    </>
  );
}
