import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/use-me.ts';
import { UnitPicker } from './UnitPicker.tsx';

/** The `?unit=` of the page's URL: a unit whose subtree the list or report narrows to (absent: the whole scope). */
export function useUnitParam(): [string | undefined, (unitId: string) => void] {
  const [params, setParams] = useSearchParams();
  const set = (unitId: string) => {
    const next = new URLSearchParams(params);
    if (unitId) next.set('unit', unitId);
    else next.delete('unit');
    setParams(next, { replace: true });
  };
  return [params.get('unit') || undefined, set];
}

/**
 * A filter by unit, kept in the URL like the page's other filters: the units of the user's scope, and
 * "all units" (their whole scope). Like the other filters it keeps its own state and is re-created when the
 * URL changes it (the router updates the URL in a transition). Hidden from users who may not list units.
 */
export function UnitFilter({ id = 'unit-filter' }: { id?: string }) {
  const { t } = useTranslation();
  const canList = useCan('unit.list');
  const [unit, setUnit] = useUnitParam();
  if (!canList) return null;
  return (
    <div className="filter">
      <UnitPicker
        key={unit ?? ''}
        id={id}
        label={t('units.filter')}
        anyLabel={t('units.allUnits')}
        includeInactive
        defaultValue={unit ?? ''}
        onChange={(event) => setUnit(event.target.value)}
      />
    </div>
  );
}
