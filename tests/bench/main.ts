import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.ts';
import { CaseStore } from '../../functions/cases/case-store.ts';
import { tenantRepository } from '../../functions/platform/tenant-registry.ts';
import { UnitStore } from '../../functions/units/unit-store.ts';
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
/** The unit tree the caseload is spread over: 5 regions under the root, 9 townships under each — 50 units. */
const REGIONS = 5;
const TOWNSHIPS_PER_REGION = 9;

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

/**
 * Builds the 50-unit tree in vn-na (regions → townships, under the root) and places three supervisors: one of a
 * township, one of a region (both unit-scoped below the root), and `supervisor.vn-na` at the root (national).
 */
async function unitTreeAndSupervisors(stack: LocalStack) {
  const units = new UnitStore(tenantRepository('vn-na'));
  const ids: string[] = [];
  for (let r = 1; r <= REGIONS; r++) {
    const region = `bench-r${r}`;
    await units.create({ id: region, parentId: 'vn-na', kind: 'region', name: { en: `Region ${r}` } });
    ids.push(region);
    for (let t = 1; t <= TOWNSHIPS_PER_REGION; t++) {
      await units.create({ id: `${region}-t${t}`, parentId: region, kind: 'district', name: { en: `Township ${r}.${t}` } });
      ids.push(`${region}-t${t}`);
    }
  }
  const admin = await ApiClient.signIn(stack.url, 'admin.vn-na');
  const placed = async (username: string, unitId: string) => {
    const created = await admin.post('/api/v1/users', { username, displayName: username, roles: ['supervisor'], unitId });
    if (created.status !== 201) throw new Error(`Could not create ${username}: ${JSON.stringify(created.body)}`);
    return ApiClient.signIn(stack.url, username, created.body.data.temporaryPassword);
  };
  return { units: ids, township: 'bench-r1-t1', region: 'bench-r1', townshipSupervisor: await placed('supervisor.bench-township', 'bench-r1-t1'), regionSupervisor: await placed('supervisor.bench-region', 'bench-r1') };
}

/** Seeds the caseload and measures the API against the raw calls, the import and the dashboard on one local stack. */
async function measureApi(stack: LocalStack) {
  const tree = await unitTreeAndSupervisors(stack);
  console.log(`Seeding ${caseload} cases in vn-na, spread over ${tree.units.length} units…`);
  const cases = new CaseStore(tenantRepository('vn-na'));
  const owner = { userId: demoUserId('caseworker.vn-na'), username: 'caseworker.vn-na' };
  const ids: string[] = [];
  /** Cases in the region's subtree (the region itself and its townships): what the region supervisor may read. */
  const inRegion: string[] = [];
  const supervisorForDashboard = await ApiClient.signIn(stack.url, 'supervisor.vn-na');
  let dashboard1k = 0;
  let regionDashboard1k = 0;
  for (let i = 0; i < caseload; i += 50) {
    const units = Array.from({ length: Math.min(50, caseload - i) }, (_, j) => tree.units[(i + j) % tree.units.length]!);
    const batch = await Promise.all(units.map((unitId) => cases.create({ ...newCase(), unitId } as never, owner)));
    batch.forEach((result, j) => {
      ids.push(result.kase.id);
      if (units[j] === tree.region || units[j]!.startsWith(`${tree.region}-`)) inRegion.push(result.kase.id);
    });
    if (ids.length === 1_000) {
      dashboard1k = await p50(samples, () => supervisorForDashboard.get('/api/v1/reports/dashboard'));
      // A region supervisor's dashboard: its home unit's counters and its townships' (byUnit), one BatchGet.
      regionDashboard1k = await p50(samples, () => tree.regionSupervisor.get('/api/v1/reports/dashboard'));
    }
  }

  const raw = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.dynamoEndpoint, region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }));
  const national = benchClient(stack.url, (await ApiClient.signIn(stack.url, 'supervisor.vn-na')).token!);
  const township = benchClient(stack.url, tree.townshipSupervisor.token!);
  const region = benchClient(stack.url, tree.regionSupervisor.token!);
  const pick = (i: number) => inRegion[(i * 7919) % inRegion.length]!;

  // getCase as a region supervisor: the case's unit is checked against the caller's subtree on every read.
  const { api: getCase, raw: rawGet } = await pairedP50(samples,
    (i) => region(`/api/v1/cases/${pick(i)}`),
    (i) => raw.send(new GetCommand({ TableName: stack.tableName, Key: { pk: `T#vn-na#CASE#${pick(i)}`, sk: 'META' }, ConsistentRead: true })));
  // The national supervisor's caseload (the root's subtree: the byTenant Query) …
  const { api: listCases, raw: rawList } = await pairedP50(samples,
    () => national('/api/v1/cases?limit=25'),
    () => raw.send(new QueryCommand({
      TableName: stack.tableName, IndexName: 'byTenant', KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': 'T#vn-na#CASES' }, ScanIndexForward: false, Limit: 25,
    })));
  // … and a township supervisor's (a depth-2 unit: the byUnit2 Query of its subtree).
  const { api: listTownship, raw: rawListTownship } = await pairedP50(samples,
    () => township('/api/v1/cases?limit=25'),
    () => raw.send(new QueryCommand({
      TableName: stack.tableName, IndexName: 'byUnit2', KeyConditionExpression: 'gsiu2pk = :pk',
      ExpressionAttributeValues: { ':pk': `T#vn-na#CASES#U#${tree.township}` }, ScanIndexForward: false, Limit: 25,
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
  const regionDashboardLarge = await p50(samples, () => tree.regionSupervisor.get('/api/v1/reports/dashboard'));

  return { getCase, rawGet, listCases, rawList, listTownship, rawListTownship, dashboard1k, dashboardLarge, regionDashboard1k, regionDashboardLarge, largeCaseload, importSeconds, job };
}

const stack = await startLocalStack({ inMemory: true, port: 0, tableName: 'sanad-bench' });
const { getCase, rawGet, listCases, rawList, listTownship, rawListTownship, dashboard1k, dashboardLarge, regionDashboard1k, regionDashboardLarge, largeCaseload, importSeconds, job } = await measureApi(stack).finally(() => stack.stop());
// Sizes and module init once the stack has stopped: a Lambda cold start shares its CPU with no database engine.
const spa = spaInitialJsGzKb();
const lambda = await lambdaBundles();

const rows: [string, string, string][] = [
  ['getCase p50', `${round(getCase)} ms (raw GetItem ${round(rawGet)} ms), region supervisor`, `${round(getCase / rawGet)}× (goal ≤ 1.5×)`],
  ['caseload national', `${round(listCases)} ms (raw byTenant Query ${round(rawList)} ms)`, `${round(listCases / rawList)}× (goal ≤ 1.5×)`],
  ['caseload township', `${round(listTownship)} ms (raw byUnit2 Query ${round(rawListTownship)} ms)`, `${round(listTownship / rawListTownship)}× (goal ≤ 1.5×)`],
  ['dashboard p50', `${round(dashboard1k)} ms at 1,000 cases, ${round(dashboardLarge)} ms at ${largeCaseload}`, `${round(dashboardLarge / dashboard1k)}× (goal ≤ 1.2×)`],
  ['dashboard region', `${round(regionDashboard1k)} ms at 1,000 cases, ${round(regionDashboardLarge)} ms at ${largeCaseload}`, `${round(regionDashboardLarge / regionDashboard1k)}× (goal ≤ 1.2×)`],
  ['import', `${IMPORT_ROWS} rows in ${round(importSeconds, 1)} s`, 'goal < 60 s'],
  ['SPA login JS', `${round(spa, 1)} KB gzipped`, 'goal ≤ 150 KB'],
  ['largest Lambda', `${round(lambda.maxBundleKb, 1)} KB (${lambda.largest})`, 'goal ≤ 300 KB'],
  ['Lambda init', `${round(lambda.initMs, 1)} ms`, 'goal ≤ 100 ms'],
];
console.log(`\nSanad benchmark — ${caseload} cases, ${samples} samples each, DynamoDB Local, Node ${process.version}\n`);
for (const [name, value, goal] of rows) console.log(`${name.padEnd(18)} ${value.padEnd(60)} ${goal}`);
console.log(`(caseload spread over ${REGIONS + REGIONS * TOWNSHIPS_PER_REGION} units; the region dashboard is a region supervisor's: its unit and ${TOWNSHIPS_PER_REGION} townships)`);
console.log(JSON.stringify({
  getCase: { p50Ms: round(getCase), rawP50Ms: round(rawGet), ratio: round(getCase / rawGet) },
  listCases: { p50Ms: round(listCases), rawP50Ms: round(rawList), ratio: round(listCases / rawList), who: 'national supervisor', index: 'byTenant' },
  listCasesTownship: { p50Ms: round(listTownship), rawP50Ms: round(rawListTownship), ratio: round(listTownship / rawListTownship), who: 'township supervisor', index: 'byUnit2' },
  units: REGIONS + REGIONS * TOWNSHIPS_PER_REGION,
  dashboard: { p50Ms1k: round(dashboard1k), p50MsLarge: round(dashboardLarge), largeCaseload, ratio: round(dashboardLarge / dashboard1k) },
  dashboardRegion: { p50Ms1k: round(regionDashboard1k), p50MsLarge: round(regionDashboardLarge), largeCaseload, ratio: round(regionDashboardLarge / regionDashboard1k) },
  import: { rows: IMPORT_ROWS, seconds: round(importSeconds, 1), created: job.created },
  spa: { initialJsGzKb: round(spa, 1) },
  lambda: { maxBundleKb: round(lambda.maxBundleKb, 1), initMs: round(lambda.initMs, 1) },
}));
