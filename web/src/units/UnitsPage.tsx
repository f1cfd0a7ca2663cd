import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageHeading } from '../app/use-page-heading.ts';
import { useCan } from '../app/use-me.ts';
import { formatCount } from '../app/format.ts';
import { listSubtree, unitName, useUnits, type Unit } from './unit-api.ts';
import { UnitTreeView } from './UnitTreeView.tsx';
import { EditUnitForm, MoveUnitForm, NewUnitForm, UnitActivation } from './UnitForms.tsx';

/** The tenant admin's unit tree: build it (add units under a unit), rename, move and (de)activate units. */
export default function UnitsPage() {
  const { t, i18n } = useTranslation();
  const heading = usePageHeading();
  const canManage = useCan('unit.manage');
  const query = useUnits();
  const units = query.data ?? [];
  const [selectedId, setSelectedId] = useState<string>();
  const [expanded, setExpanded] = useState<Set<string>>();
  const [added, setAdded] = useState<Unit>();
  const root = units.find((unit) => unit.parentId === null);
  const selected = units.find((unit) => unit.id === selectedId) ?? root;
  // The first two levels start open; the admin's own choices are kept after that.
  const open = expanded ?? new Set(listSubtree(units, undefined, i18n.language).filter((entry) => entry.depth < 2).map((entry) => entry.unit.id));
  const parentOf = (unit: Unit) => units.find((other) => other.id === unit.parentId);

  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>{t('units.title')}</h1>
      <p className="muted">{t('units.intro')}</p>
      {query.isPending && <p role="status">{t('common.loading')}</p>}
      {query.isError && <p role="alert" className="error">{t('common.error')}</p>}
      <p role="status" className={added ? 'notice' : 'visually-hidden'}>{added ? t('units.added', { name: unitName(added, i18n.language) }) : ''}</p>
      {root && selected && (
        <div className="units-layout">
          <div className="units-tree-pane">
            <h2 id="unit-tree-heading">{t('units.tree')}</h2>
            <p className="muted small" id="unit-tree-help">{t('units.treeHelp')}</p>
            <UnitTreeView
              units={units}
              label={t('units.tree')}
              selectedId={selected.id}
              onSelect={(id) => { setSelectedId(id); setAdded(undefined); }}
              expanded={open}
              onExpandedChange={setExpanded}
            />
          </div>
          <div className="units-editor" aria-labelledby="unit-editor-heading" role="region">
            <h2 id="unit-editor-heading"><bdi>{unitName(selected, i18n.language)}</bdi></h2>
            <dl className="details">
              <dt>{t('units.id')}</dt><dd><code>{selected.id}</code></dd>
              <dt>{t('units.kind')}</dt><dd>{t(`unitKind.${selected.kind}`)}</dd>
              {selected.kind === 'facility' && <><dt>{t('units.capacity')}</dt><dd>{selected.capacity === undefined ? t('common.none') : formatCount(selected.capacity, i18n.language)}</dd></>}
              <dt>{t('units.parent')}</dt><dd>{parentOf(selected) ? <bdi>{unitName(parentOf(selected), i18n.language)}</bdi> : t('units.isRoot')}</dd>
              <dt>{t('units.status')}</dt><dd>{selected.active ? t('units.active') : t('units.inactive')}</dd>
            </dl>
            {canManage && (
              <>
                {selected.active && (
                  <NewUnitForm
                    key={`new-${selected.id}`}
                    parent={selected}
                    onCreated={(unit) => {
                      setAdded(unit);
                      setExpanded(new Set([...open, selected.id]));
                    }}
                  />
                )}
                <EditUnitForm key={`edit-${selected.id}`} unit={selected} />
                {selected.parentId !== null && <MoveUnitForm key={`move-${selected.id}`} unit={selected} units={units} />}
                <h3>{t('units.status')}</h3>
                <UnitActivation key={`active-${selected.id}`} unit={selected} />
              </>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
