import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_TYPES, type FieldType, type FormField } from '../../../shared/forms/form-definition.ts';
import { TranslatedInputs } from './TranslatedInputs.tsx';
import { changeType, coerceEquals, optionsToText, textToOptions } from './builder-model.ts';
import { localized } from './form-api.ts';

interface Props {
  field: FormField;
  /** Fields before this one: the only ones `showIf` may name. */
  earlier: FormField[];
  onChange: (change: Partial<FormField>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  first: boolean;
  last: boolean;
}

/** One field of the builder: id, type, labels in every language, required, options and skip logic. */
export function FieldEditor({ field, earlier, onChange, onMove, onRemove, first, last }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const label = localized(field.label, i18n.language) || field.id;
  const choice = field.type === 'select' || field.type === 'multiselect';
  const target = earlier.find((candidate) => candidate.id === field.showIf?.field);
  return (
    <li className="builder-field">
      <div className="row">
        <label htmlFor={`${id}-id`}>{t('forms.fieldId')}</label>
        <input id={`${id}-id`} value={field.id} onChange={(event) => onChange({ id: event.target.value })} />
        <label htmlFor={`${id}-type`}>{t('forms.fieldType')}</label>
        <select id={`${id}-type`} value={field.type} onChange={(event) => onChange(changeType(field, event.target.value as FieldType))}>
          {FIELD_TYPES.map((type) => <option key={type} value={type}>{t(`forms.type.${type}`)}</option>)}
        </select>
        <label className="checkbox">
          <input type="checkbox" checked={field.required ?? false} onChange={(event) => onChange({ required: event.target.checked || undefined })} />
          {t('forms.required')}
        </label>
      </div>
      <TranslatedInputs id={`${id}-label`} label={t('forms.fieldLabel')} value={field.label} onChange={(label) => onChange({ label })} />
      {choice && (
        <>
          <label htmlFor={`${id}-options`}>{t('forms.options')}</label>
          <textarea id={`${id}-options`} rows={3} defaultValue={optionsToText(field)} onBlur={(event) => onChange({ options: textToOptions(event.target.value, field.options) })} />
        </>
      )}
      {earlier.length > 0 && (
        <div className="row">
          <label htmlFor={`${id}-showif`}>{t('forms.showIfField')}</label>
          <select
            id={`${id}-showif`}
            value={field.showIf?.field ?? ''}
            onChange={(event) => {
              const next = earlier.find((candidate) => candidate.id === event.target.value);
              onChange({ showIf: next ? { field: next.id, equals: coerceEquals(next, next.options?.[0]?.value ?? 'true') } : undefined });
            }}
          >
            <option value="">{t('forms.always')}</option>
            {earlier.map((candidate) => <option key={candidate.id} value={candidate.id}>{localized(candidate.label, i18n.language) || candidate.id}</option>)}
          </select>
          {field.showIf && (
            <>
              <label htmlFor={`${id}-equals`}>{t('forms.showIfEquals')}</label>
              <input id={`${id}-equals`} value={String(field.showIf.equals)} onChange={(event) => onChange({ showIf: { field: field.showIf!.field, equals: coerceEquals(target, event.target.value) } })} />
            </>
          )}
        </div>
      )}
      <div className="row">
        <button type="button" className="small" disabled={first} onClick={() => onMove(-1)}>
          <span aria-hidden="true">↑</span> {t('forms.moveUp', { label })}
        </button>
        <button type="button" className="small" disabled={last} onClick={() => onMove(1)}>
          <span aria-hidden="true">↓</span> {t('forms.moveDown', { label })}
        </button>
        <button type="button" className="small" onClick={onRemove}>{t('forms.removeField', { label })}</button>
      </div>
    </li>
  );
}
