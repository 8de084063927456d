import { BatchHoldsNotOffered } from '../errors';
import { policyPresets } from '../policy/presets';
import { violationOf } from '../test/given';
import { checkBatchHoldsOffered } from './batch-holds';

describe('R15: holds on several titles at once, from the favourites list', () => {
  it('R15: Library B offers them', () => {
    expect(() => checkBatchHoldsOffered(policyPresets['library-b'])).not.toThrow();
  });

  it('R15: Library A takes holds one title at a time: BatchHoldsNotOffered, answered as not found', () => {
    const error = violationOf(() => checkBatchHoldsOffered(policyPresets['library-a']));
    expect(error).toBeInstanceOf(BatchHoldsNotOffered);
    expect(error).toMatchObject({ code: 'batch-holds-not-offered', kind: 'not-found', rule: 'R15', details: undefined });
    expect(error.message).toBe('This library takes holds one title at a time; place each hold on its own.');
  });

  it('R15: follows the policy value, not the preset', () => {
    expect(() => checkBatchHoldsOffered({ ...policyPresets['library-b'], batchHoldsFromFavourites: false })).toThrow(BatchHoldsNotOffered);
    expect(() => checkBatchHoldsOffered({ ...policyPresets['library-a'], batchHoldsFromFavourites: true })).not.toThrow();
  });
});
