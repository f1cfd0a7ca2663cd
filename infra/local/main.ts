import { startLocalStack } from './stack.ts';
import { DEMO_PASSWORD, DEMO_TENANTS, PLATFORM_OPERATOR } from './demo-data.ts';

/** `npm start`: the whole local stack on one URL, configured by the environment variables of API.md. */
const stack = await startLocalStack({
  port: Number(process.env.PORT ?? 3000),
  dataDir: process.env.SANAD_DATA_DIR,
  inMemory: process.env.SANAD_IN_MEMORY === '1' || process.env.SANAD_IN_MEMORY === 'true',
  dynamoEndpoint: process.env.DYNAMODB_ENDPOINT,
  tableName: process.env.SANAD_TABLE,
});

const tenants = DEMO_TENANTS.map((tenant) => tenant.id).join(', ');
console.log(`
Sanad is running at ${stack.url}
  DynamoDB: ${stack.dynamoEndpoint} (table ${stack.tableName})${stack.seeded ? ' — demo data seeded' : ''}
  Demo logins (password "${DEMO_PASSWORD}"): caseworker.<t>, caseworker2.<t>, supervisor.<t>, admin.<t>, ngo.<t>
    for tenants ${tenants}; platform operator: ${PLATFORM_OPERATOR.username}
  e.g. caseworker.vn-na / ${DEMO_PASSWORD}
Press Ctrl-C to stop.
`);

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping Sanad and DynamoDB Local…`);
  stack.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
