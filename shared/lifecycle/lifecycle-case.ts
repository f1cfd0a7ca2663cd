import type * as z from 'zod';
import type { Case } from '../schemas/case.ts';
import type { CaseLifecycle } from '../schemas/lifecycle.ts';

/** The part of a case the state machine reads and writes. */
export type LifecycleCase = Pick<Case, 'stage' | 'status' | 'assignedTo'> & z.infer<typeof CaseLifecycle>;
