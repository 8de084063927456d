import { InvalidPolicy } from '../errors';
import { violationOf } from '../test/given';
import { parsePolicy } from './parse-policy';
import { policyPresets } from './presets';

describe('a custom policy from a JSON file', () => {
  it('a complete policy is taken as given', () => {
    const custom = { ...policyPresets['library-b'], id: 'city-c', libraryName: 'City C Library', holdLimit: 5 };
    expect(parsePolicy(JSON.parse(JSON.stringify(custom)))).toEqual(custom);
  });

  it('basedOn a preset, only the differences need be given', () => {
    const policy = parsePolicy({ basedOn: 'library-a', id: 'city-d', libraryName: 'City D', pickupOpenDays: 7, maintenanceWindow: null });
    expect(policy).toEqual({ ...policyPresets['library-a'], id: 'city-d', libraryName: 'City D', pickupOpenDays: 7, maintenanceWindow: null });
    expect(policy).not.toHaveProperty('basedOn');
  });

  it('without basedOn the time zone defaults to Asia/Tokyo and the reminder to none', () => {
    const { timeZone: _tz, pickupReminderOpenDaysBefore: _reminder, ...rest } = policyPresets['library-b'];
    expect(parsePolicy(rest)).toMatchObject({ timeZone: 'Asia/Tokyo', pickupReminderOpenDaysBefore: null });
  });

  it('lists every bad, missing and unknown field at once', () => {
    const error = violationOf(() =>
      parsePolicy({
        id: '',
        timeZone: 'Asia/Nowhere',
        holdLimit: 0,
        pickupOpenDays: 2.5,
        loanDays: '14',
        holdableMaterialTypes: ['book', 'comic'],
        counterHoldableMaterialTypes: ['book', 'book'],
        contactMethods: [],
        maintenanceWindow: { from: '3:00', to: '05:00' },
        minimumSchoolStage: 'high-school',
        emailChangeMail: 'yes',
        cardNumberDigits: null,
        onlineHoldsOnAvailableTitles: 'no',
        holdsPerDay: 3,
      }),
    );
    expect(error).toBeInstanceOf(InvalidPolicy);
    const fields = (error as InvalidPolicy).problems.map((problem) => problem.split(':')[0]);
    expect(fields).toEqual([
      'holdsPerDay',
      'id',
      'libraryName',
      'timeZone',
      'holdLimit',
      'pickupOpenDays',
      'loanDays',
      'holdableMaterialTypes',
      'counterHoldableMaterialTypes',
      'onlineHoldsOnAvailableTitles',
      'titleOnLoanBlocksHold',
      'minimumSchoolStage',
      'wideAreaPatronsMayHoldOnline',
      'overdueBlocksHolds',
      'contactMethods',
      'maintenanceWindow',
      'onlinePasswordReset',
      'batchHoldsFromFavourites',
      'placedHoldConfirmationMail',
      'statusPageLinkInMails',
      'emailChangeMail',
      'overdueReminderMail',
    ]);
    expect(error.message).toMatch(/^The policy is invalid: holdsPerDay: is not a policy field; id: must be non-empty text;/);
    expect(error.kind).toBe('invalid');
  });

  it('explains each kind of bad value', () => {
    const problems = (json: unknown) => (violationOf(() => parsePolicy(json)) as InvalidPolicy).problems;
    const b = policyPresets['library-b'];
    expect(problems({ ...b, holdableMaterialTypes: ['book', 'comic'] })).toEqual([
      'holdableMaterialTypes: "comic" not among book, magazine, audiovisual, in-library-video, reference',
    ]);
    expect(problems({ ...b, contactMethods: 'email' })).toEqual(['contactMethods: must be a list drawn from email, phone, ring-only, voicemail, none']);
    expect(problems({ ...b, contactMethods: [] })).toEqual(['contactMethods: must list at least one']);
    expect(problems({ ...b, holdLimit: -1 })).toEqual(['holdLimit: must be a whole number from 1 to 1000']);
    expect(problems({ ...b, maintenanceWindow: '03:00-05:00' })).toEqual(['maintenanceWindow: must be null or { "from": "HH:MM", "to": "HH:MM" }']);
    expect(problems({ ...b, maintenanceWindow: { from: '03:00', to: '24:00' } })).toEqual(['maintenanceWindow: to must be a time HH:MM (00:00–23:59)']);
    expect(problems({ ...b, maintenanceWindow: { from: '03:00', to: '03:00' } })).toEqual(['maintenanceWindow: from and to must differ']);
    expect(problems({ ...b, maintenanceWindow: { from: '03:00', to: '05:00', days: 'all' } })).toEqual(['maintenanceWindow: has unknown fields days']);
    expect(problems({ ...b, minimumSchoolStage: 'high-school' })).toEqual(['minimumSchoolStage: must be one of "junior-high"']);
  });

  it('checks fields against each other: online-holdable types must be counter-holdable; the reminder falls inside the window', () => {
    const problems = (json: unknown) => (violationOf(() => parsePolicy(json)) as InvalidPolicy).problems;
    expect(problems({ basedOn: 'library-b', counterHoldableMaterialTypes: ['magazine'] })).toEqual([
      'counterHoldableMaterialTypes: must include every type holdable online (missing book)',
    ]);
    expect(problems({ basedOn: 'library-b', pickupReminderOpenDaysBefore: 10 })).toEqual(['pickupReminderOpenDaysBefore: must be fewer than pickupOpenDays']);
    expect(parsePolicy({ basedOn: 'library-b', pickupReminderOpenDaysBefore: 2 }).pickupReminderOpenDaysBefore).toBe(2);
  });

  it('refuses an unknown preset and anything but an object', () => {
    expect((violationOf(() => parsePolicy({ basedOn: 'library-z' })) as InvalidPolicy).problems[0]).toBe('basedOn: must be one of "library-a", "library-b"');
    expect(() => parsePolicy([])).toThrow('The policy is invalid: the policy must be a JSON object');
    expect(() => parsePolicy(null)).toThrow(InvalidPolicy);
  });
});
