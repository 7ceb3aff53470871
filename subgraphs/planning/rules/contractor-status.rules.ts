import { urError } from '../../../kit/errors/ur-error';
import { ContractorStatus } from '../entities/contractor.entity';

/** What the ministry can do to a classified contractor (each is one mutation). */
export type ContractorAction = 'RENEW' | 'SUSPEND' | 'REINSTATE' | 'BLACKLIST';

const { ACTIVE, SUSPENDED, BLACKLISTED, EXPIRED } = ContractorStatus;

/** The state machine: from which states each action is allowed, and the state it leads to. */
export const TRANSITIONS: Readonly<
  Record<ContractorAction, { readonly from: readonly ContractorStatus[]; readonly to: ContractorStatus }>
> = {
  RENEW: { from: [ACTIVE, EXPIRED], to: ACTIVE },
  SUSPEND: { from: [ACTIVE], to: SUSPENDED },
  REINSTATE: { from: [SUSPENDED], to: ACTIVE },
  // Blacklisting is terminal: it is allowed from every state but itself, and nothing leaves it.
  BLACKLIST: { from: [ACTIVE, SUSPENDED, EXPIRED], to: BLACKLISTED },
};

/** The actions allowed from a state (none from BLACKLISTED). */
export function allowedActions(current: ContractorStatus): ContractorAction[] {
  return (Object.keys(TRANSITIONS) as ContractorAction[]).filter((a) =>
    TRANSITIONS[a].from.includes(current),
  );
}

function listOf(states: readonly string[]): string {
  return states.length > 1
    ? `${states.slice(0, -1).join(', ')} or ${states[states.length - 1]}`
    : states.join('');
}

/**
 * The status after `action`, or INVALID_STATE_TRANSITION naming the contractor's current state,
 * the action, and the states it is allowed from.
 */
export function nextStatus(
  contractorId: string,
  current: ContractorStatus,
  action: ContractorAction,
): ContractorStatus {
  const rule = TRANSITIONS[action];
  if (rule.from.includes(current)) return rule.to;
  const why =
    current === BLACKLISTED
      ? 'a blacklisted contractor stays blacklisted'
      : `${action} is allowed only from ${listOf(rule.from)}`;
  throw urError(
    'INVALID_STATE_TRANSITION',
    `Cannot ${action} contractor ${contractorId}: it is ${current}, and ${why}.`,
    { contractorId, currentStatus: current, action, allowedFrom: [...rule.from] },
  );
}
