import { useTranslation } from 'react-i18next';
import {
  PLACEMENT_END_REASONS,
  PLACEMENT_TYPES,
  PlacementEndInput,
  PlacementInput,
  type Placement,
} from '../../../../shared/schemas/case-records.ts';
import type { Case } from '../../../../shared/schemas/case.ts';
import { useCan } from '../../app/use-me.ts';
import { formatDate } from '../../app/format.ts';
import { postChange, type CaseOverview } from '../case-api.ts';
import { ChangeForm, Field } from '../ChangeForm.tsx';
import { optional } from '../parse-form.ts';

export function PlacementsPanel({ overview }: { overview: CaseOverview }) {
  const { t, i18n } = useTranslation();
  const kase = overview.case;
  const canWork = useCan('case.work') && kase.status === 'open';
  const date = (value?: string) => (value ? formatDate(value, i18n.language) : '…');
  return (
    <>
      {overview.placements.length === 0 ? <p className="muted">{t('placements.none')}</p> : (
        <ul className="record-list">
          {overview.placements.map((placement) => (
            <li key={placement.id}>
              <strong>{t(`placements.type.${placement.type}`)}</strong> {date(placement.startDate)} – {date(placement.endDate)}
              {placement.carer && <> · {placement.carer}</>}
              {placement.endReason && <> · <em>{t(`placements.endReason.${placement.endReason}`)}</em></>}
              {!placement.endDate && canWork && <EndPlacement kase={kase} placement={placement} />}
            </li>
          ))}
        </ul>
      )}
      {canWork && (
        <ChangeForm schema={PlacementInput} seen={kase} submitLabel={t('placements.add')}
          values={(form) => ({ type: form.get('type'), startDate: form.get('startDate'), carer: optional(form.get('carer')) })}
          send={(data) => postChange(`/api/v1/cases/${kase.id}/placements`, data)}>
          <Field name="type" label={t('placements.typeLabel')}>
            {(props) => <select {...props}>{PLACEMENT_TYPES.map((type) => <option key={type} value={type}>{t(`placements.type.${type}`)}</option>)}</select>}
          </Field>
          <Field name="startDate" label={t('fields.startDate')}>{(props) => <input {...props} type="date" />}</Field>
          <Field name="carer" label={t('fields.carer')}>{(props) => <input {...props} />}</Field>
        </ChangeForm>
      )}
    </>
  );
}

function EndPlacement({ kase, placement }: { kase: Case; placement: Placement }) {
  const { t } = useTranslation();
  return (
    <details className="action">
      <summary>{t('placements.end')}</summary>
      <ChangeForm schema={PlacementEndInput} seen={{ ...kase, version: placement.version }} submitLabel={t('placements.end')}
        values={(form) => ({ endDate: form.get('endDate'), endReason: form.get('endReason') })}
        send={(data, version) => postChange(`/api/v1/cases/${kase.id}/placements/${placement.id}/end`, data, version)}>
        <Field name="endDate" label={t('fields.endDate')}>{(props) => <input {...props} type="date" />}</Field>
        <Field name="endReason" label={t('fields.endReason')}>
          {(props) => <select {...props}>{PLACEMENT_END_REASONS.map((reason) => <option key={reason} value={reason}>{t(`placements.endReason.${reason}`)}</option>)}</select>}
        </Field>
      </ChangeForm>
    </details>
  );
}
