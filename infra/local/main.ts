import { startLocalStack } from './stack.ts';
import { DEMO_PASSWORD, DEMO_TENANTS, DEMO_UNIT_USERS, PLATFORM_OPERATOR } from './demo-data.ts';

/** `npm start`: the whole local stack on one URL, configured by the environment variables of API.md. */
const setting = (name: string) => process.env[name]?.trim() || undefined;
const stack = await startLocalStack({
  port: Number(setting('PORT') ?? 3000),
  dataDir: setting('SANAD_DATA_DIR'),
  inMemory: ['1', 'true'].includes(setting('SANAD_IN_MEMORY') ?? ''),
  dynamoEndpoint: setting('DYNAMODB_ENDPOINT'),
  tableName: setting('SANAD_TABLE'),
});

const tenants = DEMO_TENANTS.map((tenant) => tenant.id).join(', ');
const unitUsers = Object.entries(DEMO_UNIT_USERS).map(([tenant, users]) => `${tenant}: ${users.map((user) => user.username).join(', ')}`).join('; ');
console.log(`
Sanad is running at ${stack.url}
  DynamoDB: ${stack.dynamoEndpoint} (table ${stack.tableName})${stack.seeded ? ' — demo data seeded' : ''}
  Demo logins (password "${DEMO_PASSWORD}"): caseworker.<t>, caseworker2.<t>, supervisor.<t>, admin.<t>, ngo.<t>
    for tenants ${tenants}; platform operator: ${PLATFORM_OPERATOR.username}
  Users placed in units (they see only their unit's subtree): ${unitUsers}
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
