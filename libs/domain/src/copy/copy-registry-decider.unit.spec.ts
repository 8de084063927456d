import { CopyIdTaken, UnknownCopy } from '../errors';
import type { CopyRegistryEvent } from '../events';
import { given, violationOf } from '../test/given';
import { copyRegistryDecider, requireCopyTitle, type RegisterCopy } from './copy-registry-decider';

const register = (titleId: string, copyId = 'C-1'): RegisterCopy => ({ type: 'RegisterCopy', copyId, titleId });
const registered = (titleId: string, copyId = 'C-1'): CopyRegistryEvent => ({ type: 'CopyRegistered', data: { copyId, titleId } });

describe('copy registry: a copy id belongs to one title', () => {
  it('claims a free copy id for its title', () => {
    const events = given(copyRegistryDecider, []).when(register('T-1'));
    expect(events).toEqual([registered('T-1')]);
    expect(given(copyRegistryDecider, events).state).toEqual({ titleId: 'T-1' });
  });

  it('the same title claiming again decides nothing, so a retried cataloguing succeeds', () => {
    expect(given(copyRegistryDecider, [registered('T-1')]).when(register('T-1'))).toEqual([]);
  });

  it('refuses the id for another title, naming the title that owns it', () => {
    const error = violationOf(() => given(copyRegistryDecider, [registered('T-1')]).when(register('T-2')));
    expect(error).toBeInstanceOf(CopyIdTaken);
    expect(error).toMatchObject({ code: 'copy-id-taken', kind: 'conflict', rule: null, details: { copyId: 'C-1', titleId: 'T-1' } });
    expect(error.message).toBe('Copy C-1 is already registered for title T-1; copy ids are unique across the catalogue.');
  });

  it('a scanned copy id leads to its title; an id never registered is an unknown copy', () => {
    expect(requireCopyTitle(given(copyRegistryDecider, [registered('T-1')]).state, 'C-1')).toBe('T-1');
    const error = violationOf(() => requireCopyTitle(given(copyRegistryDecider, []).state, 'NOPE'));
    expect(error).toBeInstanceOf(UnknownCopy);
    expect(error).toMatchObject({ code: 'unknown-copy', kind: 'not-found', rule: null, details: { copyId: 'NOPE', titleId: null } });
    expect(error.message).toBe('There is no copy NOPE in the catalogue.');
  });
});
