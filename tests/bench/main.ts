import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalStack } from '../../infra/local/stack.ts';
import { CaseStore } from '../../functions/cases/case-store.ts';
import { tenantRepository } from '../../functions/platform/tenant-registry.ts';
import { demoUserId } from '../../infra/local/seed.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import { p50, round } from './measure.ts';
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

process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
process.env.SANAD_RATE_LIMIT_PER_MINUTE = '100000000';
const stack = await startLocalStack({ inMemory: true, port: 0, tableName: 'sanad-bench' });
try {
  console.log(`Seeding ${caseload} cases in vn-na…`);
  const cases = new CaseStore(tenantRepository('vn-na'));
  const owner = { userId: demoUserId('caseworker.vn-na'), username: 'caseworker.vn-na' };
  const ids: string[] = [];
  for (let i = 0; i < caseload; i += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, caseload - i) }, () => cases.create(newCase() as never, owner)));
    ids.push(...batch.map((result) => result.kase.id));
  }

  const raw = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.dynamoEndpoint, region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }));
  const get = benchClient(stack.url, (await ApiClient.signIn(stack.url, 'supervisor.vn-na')).token!);
  const pick = (i: number) => ids[(i * 7919) % ids.length]!;

  const getCase = await p50(samples, (i) => get(`/api/v1/cases/${pick(i)}`));
  const rawGet = await p50(samples, (i) => raw.send(new GetCommand({ TableName: stack.tableName, Key: { pk: `T#vn-na#CASE#${pick(i)}`, sk: 'META' }, ConsistentRead: true })));
  const listCases = await p50(samples, () => get('/api/v1/cases?limit=25'));
  const rawList = await p50(samples, () => raw.send(new QueryCommand({
    TableName: stack.tableName, IndexName: 'byTenant', KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': 'T#vn-na#CASES' }, ScanIndexForward: false, Limit: 25,
  })));
  const spa = spaInitialJsGzKb();
  const lambda = await lambdaBundles();

  const rows: [string, string, string][] = [
    ['getCase p50', `${round(getCase)} ms (raw GetItem ${round(rawGet)} ms)`, `${round(getCase / rawGet)}× (goal ≤ 1.5×)`],
    ['listCases p50', `${round(listCases)} ms (raw Query ${round(rawList)} ms)`, `${round(listCases / rawList)}× (goal ≤ 1.5×)`],
    ['dashboard', 'not built yet (issue 8: counters)', '—'],
    ['import', 'not built yet (issue 8: register import)', '—'],
    ['SPA login JS', `${round(spa, 1)} KB gzipped`, 'goal ≤ 150 KB'],
    ['largest Lambda', `${round(lambda.maxBundleKb, 1)} KB (${lambda.largest})`, 'goal ≤ 300 KB'],
    ['Lambda init', `${round(lambda.initMs, 1)} ms`, 'goal ≤ 100 ms'],
  ];
  console.log(`\nSanad benchmark — ${caseload} cases, ${samples} samples each, DynamoDB Local, Node ${process.version}\n`);
  for (const [name, value, goal] of rows) console.log(`${name.padEnd(16)} ${value.padEnd(52)} ${goal}`);
  console.log(JSON.stringify({
    getCase: { p50Ms: round(getCase), rawP50Ms: round(rawGet), ratio: round(getCase / rawGet) },
    listCases: { p50Ms: round(listCases), rawP50Ms: round(rawList), ratio: round(listCases / rawList) },
    dashboard: { p50Ms1k: null, p50MsLarge: null, ratio: null },
    import: { rows: null, seconds: null },
    spa: { initialJsGzKb: round(spa, 1) },
    lambda: { maxBundleKb: round(lambda.maxBundleKb, 1), initMs: round(lambda.initMs, 1) },
  }));
} finally {
  await stack.stop();
}
