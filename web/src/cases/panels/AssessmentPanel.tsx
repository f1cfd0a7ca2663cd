import { useTranslation } from 'react-i18next';
import type { Case } from '../../../../shared/schemas/case.ts';
import { AssessmentInput } from '../../../../shared/schemas/lifecycle.ts';
import { postChange } from '../case-api.ts';
import { ChangeForm, Field } from '../ChangeForm.tsx';
import { lines } from '../parse-form.ts';
import { useCanTake } from '../use-case-actions.ts';

export function AssessmentPanel({ kase }: { kase: Case }) {
  const { t } = useTranslation();
  const canTake = useCanTake(kase);
  const assessment = kase.assessment;
  return (
    <>
      {assessment ? (
        <div className="record">
          <p className="muted">{assessment.approved ? t('approval.approved') : t('approval.notYet')}</p>
          <h2>{t('fields.needs')}</h2>
          <ul>{assessment.needs.map((need) => <li key={need}>{need}</li>)}</ul>
          <h2>{t('fields.summary')}</h2>
          <p className="prose">{assessment.summary}</p>
        </div>
      ) : (
        <p className="muted">{t('assessment.none')}</p>
      )}
      {canTake('submit_assessment') && (
        <ChangeForm schema={AssessmentInput} seen={kase} submitLabel={t('actions.submitAssessment')}
          values={(form) => ({ needs: lines(form.get('needs')), summary: form.get('summary') })}
          send={(data, version) => postChange(`/api/v1/cases/${kase.id}/assessment`, data, version)}>
          <Field name="needs" label={t('fields.needsOnePerLine')}>{(props) => <textarea {...props} rows={3} defaultValue={assessment?.needs.join('\n')} />}</Field>
          <Field name="summary" label={t('fields.summary')}>{(props) => <textarea {...props} rows={4} defaultValue={assessment?.summary} />}</Field>
        </ChangeForm>
      )}
    </>
  );
}
