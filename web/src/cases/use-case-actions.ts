import { isAvailable, TRANSITIONS, type CommandType } from '../../../shared/lifecycle/state-machine.ts';
import type { Case } from '../../../shared/schemas/case.ts';
import { useMe } from '../app/use-me.ts';

/**
 * Whether the signed-in user may take `command` on this case now: the shared state machine says the case can
 * take it, and the shared permission matrix gives the user its permission. The API checks the same again.
 */
export function useCanTake(kase: Case): (command: CommandType) => boolean {
  const permissions = useMe().data?.permissions ?? [];
  return (command) => isAvailable(kase, command) && permissions.includes(TRANSITIONS[command].permission);
}
