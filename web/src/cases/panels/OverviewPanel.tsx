import { useTranslation } from 'react-i18next';
import { CasePatch, RISK_LEVELS } from '../../../../shared/schemas/case.ts';
import { CloseRequestInput, EvaluationInput, ReopenInput } from '../../../../shared/schemas/lifecycle.ts';
import { api } from '../../app/api.ts';
import { useCan } from '../../app/use-me.ts';
import { formatDate, formatDateTime } from '../../app/format.ts';
import type { CaseOverview } from '../case-api.ts';
import { postChange } from '../case-api.ts';
import { ChangeForm, Field } from '../ChangeForm.tsx';
import { optional } from '../parse-form.ts';
import { useCanTake } from '../use-case-actions.ts';
import { AssignForm, useCaseWorkers } from './AssignForm.tsx';
import { TransferForm } from '../../transfers/TransferForm.tsx';
import { EditTenantFields } from '../../forms/EditTenantFields.tsx';
import { TenantFieldValues } from '../../forms/TenantFieldValues.tsx';
import { CaseUnitName, MoveCase } from '../../units/MoveCase.tsx';

/** Only what the user changed goes in the PATCH, so a retry after a conflict never undoes a colleague's edit. */
function editedFields(form: FormData, kase: CaseOverview['case']) {
  const riskLevel = form.get('riskLevel');
  const location = optional(form.get('child.location'));
  return {
    ...(riskLevel !== kase.riskLevel ? { riskLevel } : {}),
    ...(location !== kase.child.location ? { child: { location } } : {}),
  };
}

export function OverviewPanel({ overview }: { overview: CaseOverview }) {
  const { t, i18n } = useTranslation();
  const kase = overview.case;
  const canTake = useCanTake(kase);
  const canEdit = useCan('case.update') && kase.status === 'open';
  const canTransfer = useCan('transfer.request') && kase.status === 'open';
  const canMove = useCan('case.move') && kase.status === 'open';
  const none = t('common.none');
  const people = useCaseWorkers(useCan('user.list')).data ?? [];
  const nameOf = (userId: string) => people.find((user) => user.userId === userId)?.displayName ?? userId;
  const path = (action: string) => `/api/v1/cases/${kase.id}/${action}`;
  return (
    <>
      <dl className="details">
        <dt>{t('case.status')}</dt><dd>{t(`status.${kase.status}`)}</dd>
        <dt>{t('case.risk')}</dt><dd><span className={`risk risk-${kase.riskLevel}`}>{t(`risk.${kase.riskLevel}`)}</span></dd>
        <dt>{t('register.sex')}</dt><dd>{t(`sex.${kase.child.sex}`)}</dd>
        <dt>{t('register.dateOfBirth')}</dt><dd>{kase.child.dateOfBirth ? formatDate(kase.child.dateOfBirth, i18n.language) : none}</dd>
        <dt>{t('register.location')}</dt><dd>{kase.child.location ?? none}</dd>
        <dt>{t('case.categories')}</dt><dd>{kase.categories.map((code) => t(`category.${code}`, { defaultValue: code })).join(', ')}</dd>
        <TenantFieldValues values={kase.fields} />
        <dt>{t('units.unit')}</dt><dd><CaseUnitName kase={kase} /></dd>
        <dt>{t('case.owner')}</dt><dd>{nameOf(kase.ownerId)}</dd>
        <dt>{t('case.assigned')}</dt><dd>{kase.assignedTo.length ? kase.assignedTo.map(nameOf).join(', ') : none}</dd>
        <dt>{t('case.created')}</dt><dd>{formatDateTime(kase.createdAt, i18n.language)}</dd>
        <dt>{t('case.updated')}</dt><dd>{formatDateTime(kase.updatedAt, i18n.language)}</dd>
        <dt>{t('case.version')}</dt><dd>{kase.version}</dd>
      </dl>

      {canEdit && (
        <details className="action">
          <summary>{t('actions.edit')}</summary>
          <ChangeForm
            schema={CasePatch}
            seen={kase}
            submitLabel={t('actions.save')}
            resetOnSuccess={false}
            values={(form) => editedFields(form, kase)}
            send={(data, version) => api(`/api/v1/cases/${kase.id}`, { method: 'PATCH', body: data, headers: { 'if-match': `"${version}"` } })}
          >
            <Field name="riskLevel" label={t('register.riskLevel')}>
              {(props) => (
                <select {...props} defaultValue={kase.riskLevel}>
                  {RISK_LEVELS.map((level) => <option key={level} value={level}>{t(`risk.${level}`)}</option>)}
                </select>
              )}
            </Field>
            <Field name="child.location" label={t('register.location')}>
              {(props) => <input {...props} defaultValue={kase.child.location ?? ''} />}
            </Field>
          </ChangeForm>
        </details>
      )}

      {canTake('assign') && <AssignForm kase={kase} />}
      {canMove && <MoveCase kase={kase} />}
      {canEdit && <EditTenantFields kase={kase} />}
      {canTransfer && <TransferForm kase={kase} />}

      {canTake('record_evaluation') && (
        <details className="action">
          <summary>{t('actions.evaluate')}</summary>
          <ChangeForm schema={EvaluationInput} seen={kase} submitLabel={t('actions.evaluate')}
            values={(form) => ({ summary: form.get('summary'), goalsMet: form.get('goalsMet') === 'on' })}
            send={(data, version) => postChange(path('evaluation'), data, version)}>
            <Field name="summary" label={t('fields.summary')}>{(props) => <textarea {...props} rows={3} />}</Field>
            <label className="checkbox"><input type="checkbox" name="goalsMet" /> {t('fields.goalsMet')}</label>
          </ChangeForm>
        </details>
      )}
      {canTake('request_closure') && (
        <details className="action">
          <summary>{t('actions.requestClosure')}</summary>
          <ChangeForm schema={CloseRequestInput} seen={kase} submitLabel={t('actions.requestClosure')}
            values={(form) => ({ reason: form.get('reason'), outcome: form.get('outcome') })}
            send={(data, version) => postChange(path('close-request'), data, version)}>
            <Field name="reason" label={t('fields.reason')}>{(props) => <textarea {...props} rows={2} />}</Field>
            <Field name="outcome" label={t('fields.outcome')}>{(props) => <textarea {...props} rows={2} />}</Field>
          </ChangeForm>
        </details>
      )}
      {canTake('reopen') && (
        <details className="action">
          <summary>{t('actions.reopen')}</summary>
          <ChangeForm schema={ReopenInput} seen={kase} submitLabel={t('actions.reopen')}
            values={(form) => ({ reason: form.get('reason') })}
            send={(data, version) => postChange(path('reopen'), data, version)}>
            <Field name="reason" label={t('fields.reason')}>{(props) => <textarea {...props} rows={2} />}</Field>
          </ChangeForm>
        </details>
      )}
    </>
  );
}
