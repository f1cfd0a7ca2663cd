import { useState } from 'react';
import { useForm, useWatch, type UseFormSetError } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type * as z from 'zod';
import { MAX_UNIT_DEPTH, UNIT_KINDS, type Unit } from '../../../shared/schemas/unit.ts';
import { ApiError } from '../app/api.ts';
import { changeUnit, createUnit, moveRefusal, unitName, UNITS_QUERY_KEY, type MoveRefusal } from './unit-api.ts';
import { emptyUnitValues, toUnitInput, toUnitPatch, UnitFormValues, valuesOf } from './unit-form.ts';
import { UnitNameInputs } from './UnitNameInputs.tsx';
import { UnitPicker } from './UnitPicker.tsx';

/** The kind a new unit under `parent` most likely has: one level down the usual ladder. */
const NEXT_KIND: Record<Unit['kind'], Unit['kind']> = { national: 'region', region: 'district', district: 'commune', commune: 'office', office: 'office', facility: 'facility' };

type FormField = 'id' | 'kind' | 'capacity' | `name.${'en' | 'vi' | 'my' | 'ar'}`;
const FORM_FIELDS: readonly string[] = ['id', 'kind', 'capacity', 'name.en', 'name.vi', 'name.my', 'name.ar'];

/** Puts the shared schema's issues on the fields they are about. */
function placeIssues(issues: readonly z.core.$ZodIssue[], setError: UseFormSetError<UnitFormValues>) {
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const field = (FORM_FIELDS.includes(path) ? path : path === 'name' ? 'name.en' : 'id') as FormField;
    setError(field, { type: issue.code, message: issue.message });
  }
}

function useRefreshUnits() {
  const queries = useQueryClient();
  return () => queries.invalidateQueries({ queryKey: UNITS_QUERY_KEY });
}

/** What went wrong with a change the API refused, as a key under `units.errors` (or `common.error`). */
function refusalKey(error: unknown): string {
  if (!(error instanceof ApiError)) return 'common.error';
  if (error.status === 412) return 'units.errors.changed';
  if (error.status === 409 && error.details.some((detail) => detail.path === 'id')) return 'units.errors.idTaken';
  return 'common.error';
}

/** Kind and, for a facility, its capacity (places). */
function KindAndCapacity({ idPrefix, form }: { idPrefix: string; form: ReturnType<typeof useForm<UnitFormValues>> }) {
  const { t } = useTranslation();
  const { register, control, formState: { errors } } = form;
  const kind = useWatch({ control, name: 'kind' });
  return (
    <>
      <label htmlFor={`${idPrefix}-kind`}>{t('units.kind')}</label>
      <select id={`${idPrefix}-kind`} {...register('kind')}>
        {UNIT_KINDS.map((option) => <option key={option} value={option}>{t(`unitKind.${option}`)}</option>)}
      </select>
      {kind === 'facility' && (
        <>
          <label htmlFor={`${idPrefix}-capacity`}>{t('units.capacity')}</label>
          <input
            id={`${idPrefix}-capacity`}
            inputMode="numeric"
            aria-describedby={`${idPrefix}-capacity-hint${errors.capacity ? ` ${idPrefix}-capacity-error` : ''}`}
            aria-invalid={errors.capacity ? true : undefined}
            {...register('capacity')}
          />
          <p id={`${idPrefix}-capacity-hint`} className="muted small">{t('units.capacityHint')}</p>
          {errors.capacity && <p id={`${idPrefix}-capacity-error`} className="field-error">{t('units.errors.capacity')}</p>}
        </>
      )}
    </>
  );
}

/** Adds a unit under `parent`: its id (chosen once, never changed), names, kind and a facility's capacity. */
export function NewUnitForm({ parent, onCreated }: { parent: Unit; onCreated: (unit: Unit) => void }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshUnits();
  const form = useForm<UnitFormValues>({ resolver: zodResolver(UnitFormValues), defaultValues: emptyUnitValues(NEXT_KIND[parent.kind]) });
  const { register, handleSubmit, setError, reset, formState: { errors } } = form;
  const [failed, setFailed] = useState<string>();
  const create = useMutation({
    mutationFn: createUnit,
    onMutate: () => setFailed(undefined),
    onSuccess: (unit) => {
      reset(emptyUnitValues(NEXT_KIND[parent.kind]));
      onCreated(unit);
    },
    onError: (error) => {
      const details = error instanceof ApiError ? error.details : [];
      if (error instanceof ApiError && error.status === 409 && details.some((detail) => detail.path === 'id')) {
        setError('id', { type: 'taken' }, { shouldFocus: true });
      } else if (details.some((detail) => detail.path === 'parentId')) {
        setFailed(parent.path.length >= MAX_UNIT_DEPTH ? 'units.errors.parentTooDeep' : 'units.errors.parentInactive');
      } else if (details.length > 0) {
        placeIssues(details.map((detail) => ({ code: 'custom', path: detail.path.split('.'), message: detail.message, input: undefined })), setError);
      } else setFailed(refusalKey(error));
    },
    onSettled: refresh,
  });
  const submit = handleSubmit((values) => {
    const parsed = toUnitInput(values, parent.id);
    if (parsed.success) create.mutate(parsed.data);
    else placeIssues(parsed.error.issues, setError);
  });
  const headingId = 'new-unit-heading';
  const full = parent.path.length >= MAX_UNIT_DEPTH;
  return (
    <form className="form" aria-labelledby={headingId} onSubmit={(event) => void submit(event)} noValidate>
      <h3 id={headingId}>{t('units.addUnder', { parent: unitName(parent, i18n.language) })}</h3>
      {full ? <p className="muted">{t('units.errors.parentTooDeep')}</p> : (
        <>
          <UnitNameInputs idPrefix="new-unit" register={register} errors={errors} />
          <label htmlFor="new-unit-id">{t('units.id')}</label>
          <input
            id="new-unit-id"
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            dir="ltr"
            aria-describedby={`new-unit-id-hint${errors.id ? ' new-unit-id-error' : ''}`}
            aria-invalid={errors.id ? true : undefined}
            {...register('id')}
          />
          <p id="new-unit-id-hint" className="muted small">{t('units.idHint')}</p>
          {errors.id && <p id="new-unit-id-error" className="field-error">{t(errors.id.type === 'taken' ? 'units.errors.idTaken' : 'units.errors.id')}</p>}
          <KindAndCapacity idPrefix="new-unit" form={form} />
          {failed && <p role="alert" className="error">{t(failed)}</p>}
          <button type="submit" disabled={create.isPending}>{t('units.add')}</button>
        </>
      )}
    </form>
  );
}

/** Renames a unit, changes its kind or a facility's capacity (If-Match: the version shown). */
export function EditUnitForm({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const refresh = useRefreshUnits();
  const form = useForm<UnitFormValues>({ resolver: zodResolver(UnitFormValues), values: valuesOf(unit) });
  const { register, handleSubmit, setError, formState: { errors } } = form;
  const [outcome, setOutcome] = useState<{ saved?: boolean; failed?: string }>({});
  const save = useMutation({
    mutationFn: (patch: Parameters<typeof changeUnit>[1]) => changeUnit(unit, patch),
    onMutate: () => setOutcome({}),
    onSuccess: () => setOutcome({ saved: true }),
    onError: (error) => setOutcome({ failed: refusalKey(error) }),
    onSettled: refresh,
  });
  const submit = handleSubmit((values) => {
    const parsed = toUnitPatch(values, unit);
    if (parsed.success) save.mutate(parsed.data);
    else if (parsed.error.issues.every((issue) => issue.path.length === 0)) setOutcome({ failed: 'units.errors.nothingChanged' });
    else placeIssues(parsed.error.issues, setError);
  });
  const headingId = 'edit-unit-heading';
  return (
    <form className="form" aria-labelledby={headingId} onSubmit={(event) => void submit(event)} noValidate>
      <h3 id={headingId}>{t('units.edit')}</h3>
      <UnitNameInputs idPrefix="edit-unit" register={register} errors={errors} />
      <KindAndCapacity idPrefix="edit-unit" form={form} />
      {outcome.saved && <p role="status">{t('units.saved')}</p>}
      {outcome.failed && <p role="alert" className="error">{t(outcome.failed)}</p>}
      <button type="submit" disabled={save.isPending}>{t('units.save')}</button>
    </form>
  );
}

/**
 * Moves a unit (and everything under it) under another parent. Its own subtree is not offered; what the API
 * still refuses at `parentId` (a tree deeper than six levels, a parent deactivated meanwhile) is said in words.
 */
export function MoveUnitForm({ unit, units }: { unit: Unit; units: readonly Unit[] }) {
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const [parentId, setParentId] = useState(unit.parentId ?? '');
  const [outcome, setOutcome] = useState<{ moved?: boolean; refused?: MoveRefusal; failed?: string }>({});
  const move = useMutation({
    mutationFn: (target: string) => changeUnit(unit, { parentId: target }),
    onMutate: () => setOutcome({}),
    onSuccess: () => setOutcome({ moved: true }),
    onError: async (error, target) => {
      if (error instanceof ApiError && error.details.some((detail) => detail.path === 'parentId')) {
        // Explained from the tree as it is now, which may have changed since the page was loaded.
        const latest = await queries.fetchQuery({ queryKey: UNITS_QUERY_KEY, staleTime: 0 }).catch(() => units) as Unit[];
        setOutcome({ refused: moveRefusal(latest, unit.id, target, MAX_UNIT_DEPTH) });
      } else setOutcome({ failed: refusalKey(error) });
    },
    onSettled: () => queries.invalidateQueries({ queryKey: UNITS_QUERY_KEY }),
  });
  const inSubtree = (candidate: string) => units.find((other) => other.id === candidate)?.path.includes(unit.id) ?? false;
  const headingId = 'move-unit-heading';
  return (
    <form
      className="form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (parentId && parentId !== unit.parentId) move.mutate(parentId);
      }}
    >
      <h3 id={headingId}>{t('units.move')}</h3>
      <UnitPicker
        id="move-unit-parent"
        label={t('units.newParent')}
        value={parentId}
        onChange={(event) => setParentId(event.target.value)}
        exclude={inSubtree}
        invalid={outcome.refused !== undefined}
        describedBy={outcome.refused ? 'move-unit-error' : undefined}
      />
      {outcome.moved && <p role="status">{t('units.moved', { parent: unitName(units.find((other) => other.id === unit.parentId), i18n.language) })}</p>}
      {outcome.refused && <p id="move-unit-error" role="alert" className="error">{t(`units.moveRefused.${outcome.refused}`, { max: MAX_UNIT_DEPTH })}</p>}
      {outcome.failed && <p role="alert" className="error">{t(outcome.failed)}</p>}
      <button type="submit" disabled={move.isPending || !parentId || parentId === unit.parentId}>{t('units.moveSubmit')}</button>
    </form>
  );
}

/** Deactivates a unit (refused with 409 while it still holds open cases or active users) or reactivates it. */
export function UnitActivation({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const refresh = useRefreshUnits();
  const [failed, setFailed] = useState<string>();
  const toggle = useMutation({
    mutationFn: () => changeUnit(unit, { active: !unit.active }),
    onMutate: () => setFailed(undefined),
    onError: (error) => setFailed(error instanceof ApiError && error.status === 409 ? 'units.errors.occupied' : refusalKey(error)),
    onSettled: refresh,
  });
  if (unit.parentId === null) return <p className="muted">{t('units.rootStaysActive')}</p>;
  return (
    <div className="stack">
      <p>{unit.active ? t('units.activeExplain') : t('units.inactiveExplain')}</p>
      <button type="button" className="secondary" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
        {unit.active ? t('units.deactivate') : t('units.reactivate')}
      </button>
      {failed && <p role="alert" className="error">{t(failed)}</p>}
    </div>
  );
}
