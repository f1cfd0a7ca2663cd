import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { download } from '../app/api.ts';
import { useCan } from '../app/use-me.ts';

/** Export the tenant's cases (audited by the API), for users with `case.export`. */
export function ExportButtons() {
  const { t } = useTranslation();
  const canExport = useCan('case.export');
  const exporting = useMutation({ mutationFn: (format: 'csv' | 'xlsx') => download(`/api/v1/exports/cases?format=${format}`, '*/*', `cases.${format}`) });
  if (!canExport) return null;
  return (
    <div className="dialog-actions export-actions" role="group" aria-label={t('export.title')}>
      <button type="button" className="secondary small-button" disabled={exporting.isPending} onClick={() => exporting.mutate('csv')}>{t('export.csv')}</button>
      <button type="button" className="secondary small-button" disabled={exporting.isPending} onClick={() => exporting.mutate('xlsx')}>{t('export.xlsx')}</button>
      {exporting.isError && <p role="alert" className="error">{t('common.error')}</p>}
    </div>
  );
}
