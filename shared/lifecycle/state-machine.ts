import { DomainError } from '../errors.ts';
import type { Action } from '../auth/permissions.ts';
import type { Stage } from '../schemas/case.ts';
import type {
  ApprovalKind,
  AssessmentInput,
  CarePlanInput,
  CloseRequestInput,
  EvaluationInput,
} from '../schemas/lifecycle.ts';
import type { LifecycleCase } from './lifecycle-case.ts';

/** What can happen to a case, each with its payload. Decisions name the approval they decide. */
export type Command =
  | { type: 'submit_assessment'; input: AssessmentInput }
  | { type: 'submit_care_plan'; input: CarePlanInput }
  | { type: 'record_evaluation'; input: EvaluationInput }
  | { type: 'request_closure'; input: CloseRequestInput }
  | { type: 'reopen'; reason: string }
  | { type: 'assign'; userId: string }
  | { type: 'approve'; approvalId: string; comment?: string }
  | { type: 'reject'; approvalId: string; comment: string };
export type CommandType = Command['type'];

interface Transition {
  /** Stages the command may start from. */
  from: readonly Stage[];
  /** The permission-matrix action that must be allowed to the caller. */
  permission: Action;
  /** Commands that need no pending approval to be in the way. */
  blockedByPendingApproval: boolean;
  /** The approval this command asks for. */
  requests?: ApprovalKind;
}

const OPEN_STAGES: readonly Stage[] = ['intake', 'assessment', 'care_plan', 'implementation', 'evaluation'];

/**
 * The Circular 02/2020 steps as a table: intake → assessment (approved) → care_plan (approved) →
 * implementation (plan adjustments are new plan versions, approved again) → evaluation → closure (approved);
 * a closed case may be reopened.
 */
export const TRANSITIONS: Readonly<Record<CommandType, Transition>> = {
  submit_assessment: { from: ['intake', 'assessment'], permission: 'case.work', blockedByPendingApproval: true, requests: 'assessment' },
  submit_care_plan: { from: ['care_plan', 'implementation'], permission: 'case.work', blockedByPendingApproval: true, requests: 'care_plan' },
  record_evaluation: { from: ['implementation', 'evaluation'], permission: 'case.work', blockedByPendingApproval: true },
  request_closure: { from: OPEN_STAGES, permission: 'case.work', blockedByPendingApproval: true, requests: 'closure' },
  reopen: { from: ['closed'], permission: 'case.reopen', blockedByPendingApproval: false },
  assign: { from: OPEN_STAGES, permission: 'case.assign', blockedByPendingApproval: false },
  approve: { from: OPEN_STAGES, permission: 'approval.decide', blockedByPendingApproval: false },
  reject: { from: OPEN_STAGES, permission: 'approval.decide', blockedByPendingApproval: false },
};

/** Where an approved request takes the case. */
const STAGE_AFTER_APPROVAL: Record<ApprovalKind, Stage> = {
  assessment: 'care_plan',
  care_plan: 'implementation',
  closure: 'closed',
};

export interface CommandContext {
  now: string;
  userId: string;
  /** A fresh id, for the approval a command requests. */
  newId: () => string;
  /** Who asked for the pending approval (nobody decides their own request). */
  pendingRequestedBy?: string;
}

export interface Outcome<T extends LifecycleCase = LifecycleCase> {
  /** The whole next case (every other property of the input carried over). */
  kase: T;
  /** Approval requested by this command. */
  requested?: { id: string; kind: ApprovalKind };
  /** Approval decided by this command. */
  decided?: { id: string; kind: ApprovalKind; approved: boolean };
}

/** Whether the command may be attempted now, ignoring who asks — the SPA uses it to show only live actions. */
export function isAvailable(kase: LifecycleCase, type: CommandType): boolean {
  const transition = TRANSITIONS[type];
  if (!transition.from.includes(kase.stage)) return false;
  if (transition.blockedByPendingApproval && kase.pendingApproval) return false;
  if (type === 'approve' || type === 'reject') return kase.pendingApproval !== undefined;
  if (type === 'submit_care_plan' && kase.stage === 'implementation') return kase.carePlan?.approved === true;
  return true;
}

/** Applies a command to a case: the next case and the approval effects, or a domain error. Pure. */
export function applyCommand<T extends LifecycleCase>(kase: T, command: Command, ctx: CommandContext): Outcome<T> {
  const transition = TRANSITIONS[command.type];
  if (!isAvailable(kase, command.type)) {
    throw new DomainError('CONFLICT', `A case in stage ${kase.stage} cannot take ${command.type} now`);
  }
  const next: T = structuredClone(kase);
  const requested = transition.requests ? { id: ctx.newId(), kind: transition.requests } : undefined;
  if (requested) next.pendingApproval = requested;

  switch (command.type) {
    case 'submit_assessment':
      next.stage = 'assessment';
      next.assessment = { ...command.input, submittedAt: ctx.now, approved: false };
      return { kase: next, requested };
    case 'submit_care_plan': {
      // Adjusting an approved plan makes a new version; resubmitting a rejected one replaces it.
      const current = kase.carePlan;
      const planVersion = !current ? 1 : current.approved ? current.planVersion + 1 : current.planVersion;
      next.carePlan = { ...command.input, planVersion, submittedAt: ctx.now, approved: false };
      return { kase: next, requested };
    }
    case 'record_evaluation':
      next.stage = 'evaluation';
      next.evaluation = { ...command.input, recordedAt: ctx.now };
      return { kase: next };
    case 'request_closure':
      next.closure = { ...command.input, requestedAt: ctx.now };
      return { kase: next, requested };
    case 'reopen':
      next.stage = 'intake';
      next.status = 'open';
      delete next.closure;
      return { kase: next };
    case 'assign':
      if (!next.assignedTo.includes(command.userId)) next.assignedTo = [...next.assignedTo, command.userId];
      return { kase: next };
    case 'approve':
    case 'reject':
      return decide(kase, next, command, ctx);
  }
}

function decide<T extends LifecycleCase>(kase: T, next: T, command: Command & { type: 'approve' | 'reject' }, ctx: CommandContext): Outcome<T> {
  const pending = kase.pendingApproval;
  if (!pending || pending.id !== command.approvalId) {
    throw new DomainError('CONFLICT', 'This approval is no longer pending');
  }
  if (ctx.pendingRequestedBy === ctx.userId) throw new DomainError('FORBIDDEN', 'Nobody approves their own request');
  delete next.pendingApproval;
  const approved = command.type === 'approve';
  if (approved) {
    next.stage = STAGE_AFTER_APPROVAL[pending.kind];
    if (pending.kind === 'assessment' && next.assessment) next.assessment.approved = true;
    if (pending.kind === 'care_plan' && next.carePlan) next.carePlan.approved = true;
    if (pending.kind === 'closure') {
      next.status = 'closed';
      if (next.closure) next.closure.closedAt = ctx.now;
    }
  }
  return { kase: next, decided: { id: pending.id, kind: pending.kind, approved } };
}
