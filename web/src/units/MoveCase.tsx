import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/schemas/case.ts';
import { MoveInput } from '../../../shared/schemas/lifecycle.ts';
import { postChange } from '../cases/case-api.ts';
import { ChangeForm, Field } from '../cases/ChangeForm.tsx';
import { UnitPicker } from './UnitPicker.tsx';
import { unitName, useScopeUnits, useUnits } from './unit-api.ts';

/** The case's unit, by name (the id while the tree loads, or for a unit the reader's tree no longer has). */
export function CaseUnitName({ kase }: { kase: Case }) {
  const { i18n } = useTranslation();
  const units = useUnits().data;
  const unit = units?.find((candidate) => candidate.id === kase.unitId);
  return <bdi>{unitName(unit, i18n.language, kase.unitId)}</bdi>;
}

/**
 * "Move" for those with `case.move`: a modal dialog with the target unit (the one picker, limited to the
 * user's scope, the case's own unit left out) and a reason (the shared MoveInput), sent with If-Match; a
 * conflict opens the usual conflict dialog, and the form stays as typed.
 */
export function MoveCase({ kase }: { kase: Case }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  // Nowhere to move it (a user whose scope is the case's unit alone): no button.
  const targets = useScopeUnits().units.filter((entry) => entry.unit.id !== kase.unitId);
  if (targets.length === 0) return null;
  return (
    <div className="action">
      <button type="button" className="secondary" onClick={() => dialog.current?.showModal()}>{t('units.moveCase')}</button>
      <dialog ref={dialog} className="move-case" aria-labelledby="move-case-title">
        <h2 id="move-case-title">{t('units.moveCaseTitle', { caseNumber: kase.caseNumber })}</h2>
        <p>{t('units.moveCaseFrom')} <CaseUnitName kase={kase} /></p>
        <ChangeForm
          schema={MoveInput}
          seen={kase}
          submitLabel={t('units.moveCaseSubmit')}
          values={(form) => ({ unitId: form.get('unitId'), reason: form.get('reason') })}
          send={async (data, version) => {
            const moved = await postChange<Case>(`/api/v1/cases/${kase.id}/move`, data, version);
            dialog.current?.close();
            return moved;
          }}
        >
          <Field name="unitId" label={t('units.moveCaseTarget')}>
            {(props) => <UnitPicker bare label={t('units.moveCaseTarget')} exclude={(unitId) => unitId === kase.unitId} {...props} />}
          </Field>
          <Field name="reason" label={t('fields.reason')}>{(props) => <textarea {...props} rows={3} />}</Field>
        </ChangeForm>
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>{t('units.cancel')}</button>
        </div>
      </dialog>
    </div>
  );
}
