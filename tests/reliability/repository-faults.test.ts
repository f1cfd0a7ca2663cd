import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ChainedEntry } from '../../shared/history/chain.ts';
import { TenantRepository } from '../../functions/data/tenant-repository.ts';
import { documentClientFor } from '../../functions/data/dynamo-client.ts';
import { CaseStore } from '../../functions/cases/case-store.ts';
import { CaseRecords } from '../../functions/cases/records/case-records.ts';
import { demoUserId } from '../../infra/local/seed.ts';
import { startTestStack } from '../support/local-stack.ts';
import { newCase } from '../support/api-client.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const actor = { userId: demoUserId('caseworker.vn-na'), username: 'caseworker.vn-na' };

/**
 * The real client, but every call may fail before it reaches DynamoDB (a refused connection) or after it
 * did its work (the answer lost on the way back): the two ways a write can go wrong from the caller's side.
 */
function faultyClient(real: DynamoDBDocumentClient, faults: boolean[]): DynamoDBDocumentClient {
  let call = 0;
  const fails = () => faults[call++ % faults.length] ?? false;
  const send = async (command: never) => {
    if (fails()) throw Object.assign(new Error('connect ECONNREFUSED (injected)'), { code: 'ECONNREFUSED' });
    const out = await real.send(command);
    if (fails()) throw Object.assign(new Error('socket hang up (injected)'), { code: 'ECONNRESET' });
    return out;
  };
  return { send } as unknown as DynamoDBDocumentClient;
}

type Operation = 'update' | 'note' | 'follow-up';

it('never leaves a partial write behind, whatever fails and when', async () => {
  const clean = new TenantRepository('vn-na', documentClientFor('vn-na'), stack.tableName);
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.constantFrom<Operation>('update', 'note', 'follow-up'), { minLength: 1, maxLength: 12 }),
      fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }),
      async (operations, faults) => {
        const { kase } = await new CaseStore(clean).create(newCase() as never, actor);
        const faulty = new TenantRepository('vn-na', faultyClient(documentClientFor('vn-na'), faults), stack.tableName);
        const cases = new CaseStore(faulty);
        const records = new CaseRecords(faulty);
        for (const [i, operation] of operations.entries()) {
          const version = (await new CaseStore(clean).get(kase.id, 'tenant', actor)).version;
          const run = {
            update: () => cases.change(kase.id, version, 'tenant', actor, (current) => ({ action: 'update', kase: { ...current, riskLevel: i % 2 ? 'high' : 'low' } })),
            note: () => records.addNote(kase.id, { text: `note ${i}`, confidential: false }, 'tenant', actor),
            'follow-up': () => records.addFollowUp(kase.id, { dueDate: '2027-01-01', note: `visit ${i}` }, 'tenant', actor),
          }[operation];
          await run().catch(() => undefined);
        }

        // Read everything back with a healthy client: each record with its history entry, one unbroken chain.
        const { kase: stored, items } = await new CaseStore(clean).partition(kase.id, 'tenant', actor);
        const history: ChainedEntry[] = await new CaseStore(clean).history(kase.id, 'tenant', actor);
        expect(await new CaseStore(clean).verifyHistory(kase.id, 'tenant', actor)).toMatchObject({ valid: true, entries: history.length });
        expect(items.find((item) => item.sk === 'META')?.historyCount).toBe(history.length);
        const recorded = new Set(history.flatMap((entry) => entry.changes.map((change) => change.path.split('.').slice(0, 2).join('.'))));
        for (const note of items.filter((item) => item.entity === 'note')) expect(recorded).toContain(`notes.${String(note.id)}`);
        for (const followUp of items.filter((item) => item.entity === 'follow-up')) expect(recorded).toContain(`followUps.${String(followUp.id)}`);
        expect(history.filter((entry) => entry.action === 'add_note')).toHaveLength(items.filter((item) => item.entity === 'note').length);
        expect(stored.version).toBe(1 + history.filter((entry) => entry.action === 'update').length);
      },
    ),
    { numRuns: 40 },
  );
});
