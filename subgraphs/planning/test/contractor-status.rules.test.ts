import { GraphQLError } from 'graphql';
import { ContractorStatus } from '../entities/contractor.entity';
import {
  allowedActions,
  type ContractorAction,
  nextStatus,
  TRANSITIONS,
} from '../rules/contractor-status.rules';

const { ACTIVE, SUSPENDED, BLACKLISTED, EXPIRED } = ContractorStatus;
const ACTIONS: ContractorAction[] = ['RENEW', 'SUSPEND', 'REINSTATE', 'BLACKLIST'];

/** The whole state machine, one row per current state: the status after each action, or null when refused. */
const TABLE: Record<ContractorStatus, Record<ContractorAction, ContractorStatus | null>> = {
  ACTIVE: { RENEW: ACTIVE, SUSPEND: SUSPENDED, REINSTATE: null, BLACKLIST: BLACKLISTED },
  SUSPENDED: { RENEW: null, SUSPEND: null, REINSTATE: ACTIVE, BLACKLIST: BLACKLISTED },
  EXPIRED: { RENEW: ACTIVE, SUSPEND: null, REINSTATE: null, BLACKLIST: BLACKLISTED },
  BLACKLISTED: { RENEW: null, SUSPEND: null, REINSTATE: null, BLACKLIST: null },
};

function refusal(current: ContractorStatus, action: ContractorAction): GraphQLError {
  try {
    nextStatus('CTR-0007', current, action);
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error(`${action} from ${current} was not refused`);
}

describe('contractor status rules', () => {
  for (const current of [ACTIVE, SUSPENDED, EXPIRED, BLACKLISTED]) {
    for (const action of ACTIONS) {
      const expected = TABLE[current][action];
      if (expected) {
        it(`${action} from ${current} leads to ${expected}`, () => {
          expect(nextStatus('CTR-0007', current, action)).toBe(expected);
        });
      } else {
        it(`refuses ${action} from ${current}, naming both`, () => {
          const error = refusal(current, action);
          expect(error.message).toContain(`Cannot ${action} contractor CTR-0007: it is ${current}`);
          expect(error.extensions).toEqual({
            code: 'INVALID_STATE_TRANSITION',
            contractorId: 'CTR-0007',
            currentStatus: current,
            action,
            allowedFrom: TRANSITIONS[action].from,
            http: { status: 200 },
          });
        });
      }
    }
  }

  it('says which states an action is allowed from', () => {
    expect(refusal(SUSPENDED, 'RENEW').message).toBe(
      'Cannot RENEW contractor CTR-0007: it is SUSPENDED, and RENEW is allowed only from ACTIVE or EXPIRED.',
    );
    expect(refusal(EXPIRED, 'SUSPEND').message).toBe(
      'Cannot SUSPEND contractor CTR-0007: it is EXPIRED, and SUSPEND is allowed only from ACTIVE.',
    );
  });

  it('keeps the blacklist terminal: no action leaves it', () => {
    expect(allowedActions(BLACKLISTED)).toEqual([]);
    expect(refusal(BLACKLISTED, 'REINSTATE').message).toBe(
      'Cannot REINSTATE contractor CTR-0007: it is BLACKLISTED, and a blacklisted contractor stays blacklisted.',
    );
  });

  it('lists the actions allowed from each state', () => {
    expect(allowedActions(ACTIVE)).toEqual(['RENEW', 'SUSPEND', 'BLACKLIST']);
    expect(allowedActions(SUSPENDED)).toEqual(['REINSTATE', 'BLACKLIST']);
    expect(allowedActions(EXPIRED)).toEqual(['RENEW', 'BLACKLIST']);
  });
});
