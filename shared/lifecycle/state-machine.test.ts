import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCommand, isAvailable, TRANSITIONS, type Command, type CommandContext } from './state-machine.ts';
import type { LifecycleCase } from './lifecycle-case.ts';
import { DomainError } from '../errors.ts';
import { STAGES } from '../schemas/case.ts';

const fresh = (): LifecycleCase => ({ stage: 'intake', status: 'open', assignedTo: [] });
let ids = 0;
const ctx = (userId = 'worker', pendingRequestedBy?: string): CommandContext => ({
  now: '2026-11-25T00:00:00.000Z',
  userId,
  newId: () => `a${++ids}`,
  pendingRequestedBy,
});
const assessment: Command = { type: 'submit_assessment', input: { needs: ['school'], summary: 'Needs support' } };
const carePlan: Command = { type: 'submit_care_plan', input: { goals: [{ goal: 'Back to school', services: ['tutoring'], dueDate: '2027-01-01' }], summary: 'Plan' } };

function approveAs(kase: LifecycleCase, supervisor = 'boss') {
  return applyCommand(kase, { type: 'approve', approvalId: kase.pendingApproval!.id }, ctx(supervisor, 'worker')).kase;
}

describe('the Circular 02 steps', () => {
  it('walk intake → assessment → care plan → implementation → evaluation → closed, and reopen', () => {
    let kase = applyCommand(fresh(), assessment, ctx()).kase;
    expect(kase).toMatchObject({ stage: 'assessment', pendingApproval: { kind: 'assessment' } });
    kase = approveAs(kase);
    expect(kase.stage).toBe('care_plan');
    expect(kase.assessment?.approved).toBe(true);
    kase = approveAs(applyCommand(kase, carePlan, ctx()).kase);
    expect(kase).toMatchObject({ stage: 'implementation', carePlan: { planVersion: 1, approved: true } });
    kase = applyCommand(kase, { type: 'record_evaluation', input: { summary: 'Goals met', goalsMet: true } }, ctx()).kase;
    expect(kase.stage).toBe('evaluation');
    kase = approveAs(applyCommand(kase, { type: 'request_closure', input: { reason: 'Done', outcome: 'In school' } }, ctx()).kase);
    expect(kase).toMatchObject({ stage: 'closed', status: 'closed', closure: { closedAt: expect.any(String) } });
    kase = applyCommand(kase, { type: 'reopen', reason: 'New concern' }, ctx()).kase;
    expect(kase).toMatchObject({ stage: 'intake', status: 'open' });
    expect(kase.closure).toBeUndefined();
  });

  it('makes an adjustment of an approved plan a new plan version', () => {
    let kase = approveAs(applyCommand(approveAs(applyCommand(fresh(), assessment, ctx()).kase), carePlan, ctx()).kase);
    kase = applyCommand(kase, carePlan, ctx()).kase;
    expect(kase).toMatchObject({ stage: 'implementation', carePlan: { planVersion: 2, approved: false } });
  });

  it('leaves the stage on a rejection and accepts a resubmission', () => {
    const submitted = applyCommand(fresh(), assessment, ctx()).kase;
    const rejected = applyCommand(submitted, { type: 'reject', approvalId: submitted.pendingApproval!.id, comment: 'More detail' }, ctx('boss', 'worker'));
    expect(rejected.kase.stage).toBe('assessment');
    expect(rejected.kase.pendingApproval).toBeUndefined();
    expect(rejected.decided).toMatchObject({ approved: false, kind: 'assessment' });
    expect(applyCommand(rejected.kase, assessment, ctx()).kase.pendingApproval).toBeDefined();
  });

  it('refuses self-approval, stale approvals and out-of-order steps', () => {
    const submitted = applyCommand(fresh(), assessment, ctx()).kase;
    const id = submitted.pendingApproval!.id;
    expect(() => applyCommand(submitted, { type: 'approve', approvalId: id }, ctx('worker', 'worker'))).toThrow(/own request/);
    expect(() => applyCommand(submitted, { type: 'approve', approvalId: 'other' }, ctx('boss', 'worker'))).toThrow(DomainError);
    expect(() => applyCommand(submitted, assessment, ctx())).toThrow(DomainError);
    expect(() => applyCommand(fresh(), carePlan, ctx())).toThrow(DomainError);
    expect(() => applyCommand(fresh(), { type: 'reopen', reason: 'x' }, ctx())).toThrow(DomainError);
  });
});

describe('any sequence of commands', () => {
  const commandArb: fc.Arbitrary<Command | 'approve' | 'reject'> = fc.oneof(
    fc.constant(assessment),
    fc.constant(carePlan),
    fc.constant<Command>({ type: 'record_evaluation', input: { summary: 's', goalsMet: false } }),
    fc.constant<Command>({ type: 'request_closure', input: { reason: 'r', outcome: 'o' } }),
    fc.constant<Command>({ type: 'reopen', reason: 'r' }),
    fc.constant<Command>({ type: 'assign', userId: 'helper' }),
    fc.constant('approve' as const),
    fc.constant('reject' as const),
  );

  it('keeps the case valid: a known stage, status matching it, approvals only while open', () => {
    fc.assert(
      fc.property(fc.array(commandArb, { maxLength: 40 }), (commands) => {
        let kase = fresh();
        for (const raw of commands) {
          const command: Command =
            raw === 'approve' ? { type: 'approve', approvalId: kase.pendingApproval?.id ?? 'none' }
            : raw === 'reject' ? { type: 'reject', approvalId: kase.pendingApproval?.id ?? 'none', comment: 'c' }
            : raw;
          const available = isAvailable(kase, command.type);
          try {
            kase = applyCommand(kase, command, ctx('boss', 'worker')).kase;
            expect(available).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
          }
          expect(STAGES).toContain(kase.stage);
          expect(kase.status === 'closed').toBe(kase.stage === 'closed');
          if (kase.status === 'closed') expect(kase.pendingApproval).toBeUndefined();
          if (kase.stage === 'implementation') expect(kase.carePlan?.planVersion).toBeGreaterThanOrEqual(1);
          expect(TRANSITIONS[command.type]).toBeDefined();
        }
      }),
      { numRuns: 300 },
    );
  });
});
