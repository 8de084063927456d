import { InvalidStaffAccount, StaffAccountAlreadyExists } from '../errors';
import type { StaffRole } from '../events';
import { given, violationOf } from '../test/given';
import { staffDecider, type CreateStaffAccount } from './staff-decider';

const create = (overrides: Partial<CreateStaffAccount> = {}): CreateStaffAccount => ({
  type: 'CreateStaffAccount',
  staffId: 'staff-1',
  name: 'Sato',
  roles: ['circulation'],
  passwordHash: '$argon2id$hash',
  takenStaffIds: [],
  ...overrides,
});

describe('staff accounts', () => {
  it('creates a staff account with its roles', () => {
    const events = given(staffDecider, []).when(create({ roles: ['circulation', 'admin', 'circulation'] }));
    expect(events).toEqual([
      { type: 'StaffAccountCreated', data: { staffId: 'staff-1', name: 'Sato', roles: ['circulation', 'admin'], passwordHash: '$argon2id$hash' } },
    ]);
    expect(given(staffDecider, events).state).toEqual({
      exists: true,
      staffId: 'staff-1',
      name: 'Sato',
      roles: ['circulation', 'admin'],
      passwordHash: '$argon2id$hash',
    });
  });

  it('refuses an id that differs from a taken one by case only ("ADMIN" beside "admin")', () => {
    const violation = violationOf(() => given(staffDecider, []).when(create({ staffId: 'ADMIN', takenStaffIds: ['sato', 'admin'] })));
    expect(violation).toBeInstanceOf(StaffAccountAlreadyExists);
    expect(violation.details).toEqual({ staffId: 'admin' });
    expect(given(staffDecider, []).when(create({ staffId: 'admin2', takenStaffIds: ['admin'] }))).toHaveLength(1);
  });

  it('refuses a second account with the same id', () => {
    const history = given(staffDecider, []).when(create());
    expect(() => given(staffDecider, history).when(create())).toThrow(StaffAccountAlreadyExists);
  });

  it('refuses an account without a name, a role or a password, naming every problem', () => {
    const error = violationOf(() => given(staffDecider, []).when(create({ name: ' ', roles: [], passwordHash: '' })));
    expect(error).toBeInstanceOf(InvalidStaffAccount);
    expect(error.details).toEqual({ problems: ['the name is empty', 'give at least one role', 'the password hash is empty'] });
    expect(() => given(staffDecider, []).when(create({ roles: ['janitor' as StaffRole] }))).toThrow(/unknown roles janitor/);
  });
});
