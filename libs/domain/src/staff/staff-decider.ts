import type { Decider } from '../decider';
import { InvalidStaffAccount, StaffAccountAlreadyExists } from '../errors';
import type { StaffEvent, StaffRole } from '../events';

const STAFF_ROLES: readonly StaffRole[] = ['admin', 'circulation', 'auditor'];

export interface CreateStaffAccount {
  type: 'CreateStaffAccount';
  staffId: string;
  name: string;
  roles: StaffRole[];
  /** Hashed by the API: the domain never sees a password. */
  passwordHash: string;
  /** Every staff id already taken (each its own stream): a new id may not differ from one of them by case only. */
  takenStaffIds: readonly string[];
}

export type StaffCommand = CreateStaffAccount;

export interface StaffState {
  exists: boolean;
  staffId: string | null;
  name: string | null;
  roles: StaffRole[];
  passwordHash: string | null;
}

export const initialStaffState: StaffState = { exists: false, staffId: null, name: null, roles: [], passwordHash: null };

export function evolveStaff(state: StaffState, event: StaffEvent): StaffState {
  switch (event.type) {
    case 'StaffAccountCreated': {
      const { staffId, name, roles, passwordHash } = event.data;
      return { exists: true, staffId, name, roles, passwordHash };
    }
    default: {
      const _exhaustive: never = event.type;
      return _exhaustive;
    }
  }
}

function decideStaff(command: StaffCommand, state: StaffState): StaffEvent[] {
  switch (command.type) {
    case 'CreateStaffAccount': {
      if (state.exists) throw new StaffAccountAlreadyExists(command.staffId);
      // "ADMIN" beside "admin" would read as the same person in the audit and the console.
      const folded = command.staffId.toLowerCase();
      const lookalike = command.takenStaffIds.find((taken) => taken.toLowerCase() === folded);
      if (lookalike !== undefined) throw new StaffAccountAlreadyExists(lookalike);
      const problems: string[] = [];
      if (command.name.trim().length === 0) problems.push('the name is empty');
      if (command.roles.length === 0) problems.push('give at least one role');
      const unknown = command.roles.filter((role) => !STAFF_ROLES.includes(role));
      if (unknown.length > 0) problems.push(`unknown roles ${unknown.join(', ')}`);
      if (command.passwordHash.length === 0) problems.push('the password hash is empty');
      if (problems.length > 0) throw new InvalidStaffAccount(problems);
      const { staffId, name, roles, passwordHash } = command;
      return [{ type: 'StaffAccountCreated', data: { staffId, name, roles: [...new Set(roles)], passwordHash } }];
    }
    default: {
      const _exhaustive: never = command.type;
      return _exhaustive;
    }
  }
}

/** Stream `staff-<staffId>`. */
export const staffDecider: Decider<StaffCommand, StaffState, StaffEvent> = {
  initialState: initialStaffState,
  evolve: evolveStaff,
  decide: decideStaff,
};
