import { jobCsvHandler } from './job-csv.ts';

/**
 * `GET /imports/{id}/duplicates.csv`: each imported row whose new case may be a child the tenant already has
 * (or another row of the file) — its row, external id, name and new case number, and the possible duplicates
 * with their scores, so someone can review them.
 */
export const handler = jobCsvHandler('duplicates', async (jobs, jobId) => [
  ['row', 'externalId', 'fullName', 'caseNumber', 'possibleDuplicates'],
  ...(await jobs.duplicates(jobId)).map((d) => [d.row, d.externalId, d.fullName, d.caseNumber, d.matches.map((m) => `${m.caseNumber} (${m.score})`).join('; ')]),
]);
