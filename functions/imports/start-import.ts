import { randomUUID } from 'node:crypto';
import { DomainError } from '../../shared/errors.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { MAX_IMPORT_ROWS, rowsFromCsv, rowsFromXlsx, XLSX_CONTENT_TYPE } from './import-rows.ts';
import { ImportJobs } from './import-jobs.ts';
import { launchImportWorker } from './worker-launch.ts';

/**
 * `POST /imports/cases` (text/csv or XLSX): reads the rows, stores them as a chunked job, answers 202 with
 * the job, and works it in the background (`GET /imports/{id}` shows the progress).
 */
export const handler = route(async (req, ctx) => {
  ctx.authorize('import.create');
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (!req.rawBody || (type !== 'text/csv' && type !== XLSX_CONTENT_TYPE)) {
    throw new DomainError('VALIDATION_FAILED', 'Send the register as text/csv or an XLSX workbook', [{ path: '(body)', message: 'Content-Type text/csv or XLSX, header row first' }]);
  }
  const rows = type === 'text/csv' ? rowsFromCsv(req.rawBody) : await rowsFromXlsx(req.rawBody);
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new DomainError('VALIDATION_FAILED', `At most ${MAX_IMPORT_ROWS} rows per import`, [{ path: '(body)', message: 'Split the file' }]);
  }
  // The job keeps the importer's home unit: the worker checks each row's `unit` inside its subtree.
  const job = await new ImportJobs(ctx.repository).create(randomUUID(), rows, { userId: ctx.userId, username: ctx.username }, ctx.units?.homeUnitId);
  ctx.log.info('import started', { importId: job.id, rows: job.rows });
  if (job.status === 'running') await launchImportWorker(ctx.repository, job.id);
  return ok({ id: job.id, status: job.status }, { status: 202 });
});
