import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { unitName, useScopeUnits } from './unit-api.ts';

type SelectProps = Omit<ComponentProps<'select'>, 'children' | 'id'>;

/** Indentation for a unit's depth in an option's text (options cannot be styled); screen readers skip it. */
const indent = (depth: number) => '\u2002\u2002'.repeat(depth);

/**
 * The one unit picker: a labelled `<select>` of the units the signed-in user works in (their home unit's
 * subtree, as the API scopes it), in tree order, indented by depth, names in the interface language.
 * Works as a plain form control (`name`) and with react-hook-form's `register` (its `ref` is passed on).
 * `anyLabel` adds a first, empty option (a filter's "all units"); `exclude` leaves out units (and their
 * subtrees) that cannot be chosen here, such as the case's own unit. Deactivated units are left out unless
 * `includeInactive` (filters may name one that still holds closed cases).
 */
export function UnitPicker({ id, label, bare = false, anyLabel, includeInactive = false, exclude, describedBy, invalid, ...select }: SelectProps & {
  id: string;
  label: string;
  /** Only the select: its label is the caller's (a ChangeForm Field). */
  bare?: boolean;
  anyLabel?: string;
  includeInactive?: boolean;
  exclude?: (unitId: string) => boolean;
  describedBy?: string;
  invalid?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const scope = useScopeUnits({ includeInactive });
  const units = scope.units.filter((entry) => !exclude?.(entry.unit.id));
  // The select appears with its options, so that a default value (the user's unit) is there to be selected.
  if (!scope.ready) {
    return (
      <>
        {!bare && <span className="label">{label}</span>}
        <p role="status" className="muted">{scope.isError ? t('common.error') : t('common.loading')}</p>
      </>
    );
  }
  return (
    <>
      {!bare && <label htmlFor={id}>{label}</label>}
      <select
        id={id}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        {...select}
      >
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {units.map(({ unit, depth }) => (
          <option key={unit.id} value={unit.id}>
            {indent(depth)}{unitName(unit, i18n.language)}{unit.active ? '' : ` (${t('units.inactive')})`}
          </option>
        ))}
      </select>
    </>
  );
}
