import { useId, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../shared/schemas/reports.ts';
import { api, download } from '../app/api.ts';
import { formatCount } from '../app/format.ts';
import { usePageHeading } from '../app/use-page-heading.ts';
import { ScrollTable } from '../app/ScrollTable.tsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The type the API needs: browsers often leave a CSV's type empty (or call it a spreadsheet), so go by the name. */
export const contentTypeOf = (file: File): string => (/\.xlsx$/i.test(file.name) ? XLSX : 'text/csv');

/** Register import: upload a CSV or XLSX, watch the job, then see what came in and which rows to fix. */
export default function ImportPage() {
  const { t } = useTranslation();
  const heading = usePageHeading();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async (chosen: File) =>
      (await api<{ id: string; status: string }>('/api/v1/imports/cases', { method: 'POST', rawBody: chosen, headers: { 'content-type': contentTypeOf(chosen) } })).data,
  });
  const jobId = upload.data?.id;
  const job = useQuery({
    queryKey: ['import', jobId],
    enabled: jobId !== undefined,
    queryFn: async () => (await api<ImportJob>(`/api/v1/imports/${encodeURIComponent(jobId!)}`)).data,
    // Every second while the job runs; no more once it is done or cannot be read.
    refetchInterval: (query) => (query.state.status === 'error' || (query.state.data && query.state.data.status !== 'running') ? false : 1_000),
    staleTime: 0,
  });
  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>{t('imports.title')}</h1>
      <p>{t('imports.explain')}</p>
      <p className="muted small">{t('imports.columns')} <code>externalId, fullName, sex, dateOfBirth, location, categories, riskLevel, status, openedAt, closedAt</code></p>
      <p className="muted small">{t('imports.fieldColumns')} <code dir="ltr">fields.school</code></p>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (file) upload.mutate(file);
        }}
      >
        <label htmlFor={fileId}>{t('imports.file')}</label>
        <input id={fileId} type="file" accept=".csv,.xlsx,text/csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        <div>
          <button type="submit" disabled={!file || upload.isPending || job.data?.status === 'running'}>{t('imports.upload')}</button>
        </div>
      </form>
      {upload.isPending && <p role="status">{t('imports.uploading')}</p>}
      {upload.isError && <p role="alert" className="error">{t('imports.rejected', { reason: upload.error.message })}</p>}
      {jobId && job.isPending && <p role="status">{t('common.loading')}</p>}
      {job.isError && <p role="alert" className="error">{t('common.error')}</p>}
      {job.data && <ImportProgress job={job.data} />}
    </section>
  );
}

function ImportProgress({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation();
  const count = (n: number) => formatCount(n, i18n.language);
  const rowsCsv = (name: 'failed' | 'duplicates') => () => download(`/api/v1/imports/${encodeURIComponent(job.id)}/${name}.csv`, 'text/csv', `import-${job.id}-${name}.csv`);
  const failedRows = useMutation({ mutationFn: rowsCsv('failed') });
  const duplicateRows = useMutation({ mutationFn: rowsCsv('duplicates') });
  const done = job.status !== 'running';
  const processed = done ? job.rows : job.processed;
  return (
    <div className="import-result">
      <h2>{t(`imports.status.${job.status}`)}</h2>
      <label className="progress-label">
        {t('imports.progress', { processed: count(processed), rows: count(job.rows) })}
        <progress max={Math.max(job.rows, 1)} value={processed} />
      </label>
      <p role="status" className="visually-hidden">{done ? t(`imports.status.${job.status}`) : ''}</p>
      {done && (
        <>
          <dl className="tiles">
            <div><dt>{t('imports.created')}</dt><dd data-testid="import-created">{count(job.created)}</dd></div>
            <div><dt>{t('imports.unchanged')}</dt><dd data-testid="import-unchanged">{count(job.unchanged)}</dd></div>
            <div><dt>{t('imports.possibleDuplicates')}</dt><dd data-testid="import-duplicates">{count(job.possibleDuplicates)}</dd></div>
            <div className={job.failed.length > 0 ? 'tile-warn' : undefined}><dt>{t('imports.failed')}</dt><dd data-testid="import-failed">{count(job.failed.length)}</dd></div>
          </dl>
          {job.possibleDuplicates > 0 && (
            <div className="dialog-actions">
              <button type="button" className="secondary" disabled={duplicateRows.isPending} onClick={() => duplicateRows.mutate()}>{t('imports.downloadDuplicates')}</button>
              {duplicateRows.isError && <p role="alert" className="error">{t('common.error')}</p>}
            </div>
          )}
          {job.failed.length > 0 && (
            <>
              <ScrollTable label={t('imports.failedRows')} caption columns={[t('imports.row'), t('imports.column'), t('imports.problem')]}>
                {job.failed.flatMap((failure) =>
                  failure.errors.map((error, index) => (
                    <tr key={`${failure.row}-${index}`}>
                      <td>{count(failure.row)}</td>
                      <td><code>{error.path}</code></td>
                      <td className="wrap">{error.message}</td>
                    </tr>
                  )),
                )}
              </ScrollTable>
              <div className="dialog-actions">
                <button type="button" className="secondary" disabled={failedRows.isPending} onClick={() => failedRows.mutate()}>{t('imports.downloadFailed')}</button>
              </div>
              {failedRows.isError && <p role="alert" className="error">{t('common.error')}</p>}
            </>
          )}
        </>
      )}
    </div>
  );
}
