import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.ts';
import { CaseStore } from '../../functions/cases/case-store.ts';
import { tenantRepository } from '../../functions/platform/tenant-registry.ts';
import { demoUserId } from '../../infra/local/seed.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import { p50, pairedP50, round } from './measure.ts';
import { benchClient } from './http-client.ts';
import { lambdaBundles, spaInitialJsGzKb } from './sizes.ts';

/**
 * `npm run bench`: API latency as a ratio of the raw DynamoDB call it wraps, on the same DynamoDB Local,
 * through the local server (the same handlers as Lambda); SPA and Lambda sizes. `BENCH_QUICK=1` runs a
 * smaller caseload. The last line printed is one JSON object.
 */
const quick = process.env.BENCH_QUICK === '1';
const caseload = quick ? 1_000 : 100_000;
const samples = quick ? 200 : 1_000;
const IMPORT_ROWS = 12_289;

/** A register like Nghe An's: historical openings over 15 years, a fifth closed, several categories. */
function registerCsv(rows: number): string {
  const categories = ['neglect', 'orphan', 'disability', 'child_labour', 'neglect|orphan', 'mental_health'];
  const lines = Array.from({ length: rows }, (_, i) => {
    const closed = i % 5 === 0;
    return [`NA-REG-${i}`, `Trẻ em ${i}`, i % 2 ? 'male' : 'female', '2012-06-01', 'Nghệ An', categories[i % categories.length], ['low', 'medium', 'high'][i % 3],
      closed ? 'closed' : 'open', `${2010 + (i % 15)}-03-01`, closed ? '2025-01-15' : ''].join(',');
  });
  return ['externalId,fullName,sex,dateOfBirth,location,categories,riskLevel,status,openedAt,closedAt', ...lines].join('\n');
}

process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
process.env.SANAD_RATE_LIMIT_PER_MINUTE = '100000000';

/** Seeds the caseload and measures the API against the raw calls, the import and the dashboard on one local stack. */
async function measureApi(stack: LocalStack) {
  console.log(`Seeding ${caseload} cases in vn-na…`);
  const cases = new CaseStore(tenantRepository('vn-na'));
  const owner = { userId: demoUserId('caseworker.vn-na'), username: 'caseworker.vn-na' };
  const ids: string[] = [];
  const supervisorForDashboard = await ApiClient.signIn(stack.url, 'supervisor.vn-na');
  let dashboard1k = 0;
  for (let i = 0; i < caseload; i += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, caseload - i) }, () => cases.create(newCase() as never, owner)));
    ids.push(...batch.map((result) => result.kase.id));
    if (ids.length === 1_000) dashboard1k = await p50(samples, () => supervisorForDashboard.get('/api/v1/reports/dashboard'));
  }

  const raw = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.dynamoEndpoint, region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }));
  const get = benchClient(stack.url, (await ApiClient.signIn(stack.url, 'supervisor.vn-na')).token!);
  const pick = (i: number) => ids[(i * 7919) % ids.length]!;

  const { api: getCase, raw: rawGet } = await pairedP50(samples,
    (i) => get(`/api/v1/cases/${pick(i)}`),
    (i) => raw.send(new GetCommand({ TableName: stack.tableName, Key: { pk: `T#vn-na#CASE#${pick(i)}`, sk: 'META' }, ConsistentRead: true })));
  const { api: listCases, raw: rawList } = await pairedP50(samples,
    () => get('/api/v1/cases?limit=25'),
    () => raw.send(new QueryCommand({
      TableName: stack.tableName, IndexName: 'byTenant', KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': 'T#vn-na#CASES' }, ScanIndexForward: false, Limit: 25,
    })));
  // The register import: 12,289 rows (Nghe An's register) through the API, timed from the POST to completion.
  console.log(`Importing ${IMPORT_ROWS} register rows…`);
  const importer = await ApiClient.signIn(stack.url, 'admin.vn-na');
  const importStart = performance.now();
  const started = await importer.request('POST', '/api/v1/imports/cases', { rawBody: registerCsv(IMPORT_ROWS), headers: { 'content-type': 'text/csv' } });
  let job = started.body.data;
  while (job.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 250));
    job = (await importer.get(`/api/v1/imports/${started.body.data.id}`)).body.data;
  }
  const importSeconds = (performance.now() - importStart) / 1000;
  if (job.created !== IMPORT_ROWS) console.log(`Import: ${job.status}, created ${job.created} of ${IMPORT_ROWS}`);
  // The dashboard again, now over the seeded caseload plus the imported register.
  const largeCaseload = ids.length + Number(job.created ?? 0);
  const dashboardLarge = await p50(samples, () => supervisorForDashboard.get('/api/v1/reports/dashboard'));

  return { getCase, rawGet, listCases, rawList, dashboard1k, dashboardLarge, largeCaseload, importSeconds, job };
}

const stack = await startLocalStack({ inMemory: true, port: 0, tableName: 'sanad-bench' });
const { getCase, rawGet, listCases, rawList, dashboard1k, dashboardLarge, largeCaseload, importSeconds, job } = await measureApi(stack).finally(() => stack.stop());
// Sizes and module init once the stack has stopped: a Lambda cold start shares its CPU with no database engine.
const spa = spaInitialJsGzKb();
const lambda = await lambdaBundles();

const rows: [string, string, string][] = [
  ['getCase p50', `${round(getCase)} ms (raw GetItem ${round(rawGet)} ms)`, `${round(getCase / rawGet)}× (goal ≤ 1.5×)`],
  ['listCases p50', `${round(listCases)} ms (raw Query ${round(rawList)} ms)`, `${round(listCases / rawList)}× (goal ≤ 1.5×)`],
  ['dashboard p50', `${round(dashboard1k)} ms at 1,000 cases, ${round(dashboardLarge)} ms at ${largeCaseload}`, `${round(dashboardLarge / dashboard1k)}× (goal ≤ 1.2×)`],
  ['import', `${IMPORT_ROWS} rows in ${round(importSeconds, 1)} s`, 'goal < 60 s'],
  ['SPA login JS', `${round(spa, 1)} KB gzipped`, 'goal ≤ 150 KB'],
  ['largest Lambda', `${round(lambda.maxBundleKb, 1)} KB (${lambda.largest})`, 'goal ≤ 300 KB'],
  ['Lambda init', `${round(lambda.initMs, 1)} ms`, 'goal ≤ 100 ms'],
];
console.log(`\nSanad benchmark — ${caseload} cases, ${samples} samples each, DynamoDB Local, Node ${process.version}\n`);
for (const [name, value, goal] of rows) console.log(`${name.padEnd(16)} ${value.padEnd(52)} ${goal}`);
console.log(JSON.stringify({
  getCase: { p50Ms: round(getCase), rawP50Ms: round(rawGet), ratio: round(getCase / rawGet) },
  listCases: { p50Ms: round(listCases), rawP50Ms: round(rawList), ratio: round(listCases / rawList) },
  dashboard: { p50Ms1k: round(dashboard1k), p50MsLarge: round(dashboardLarge), largeCaseload, ratio: round(dashboardLarge / dashboard1k) },
  import: { rows: IMPORT_ROWS, seconds: round(importSeconds, 1), created: job.created },
  spa: { initialJsGzKb: round(spa, 1) },
  lambda: { maxBundleKb: round(lambda.maxBundleKb, 1), initMs: round(lambda.initMs, 1) },
}));
