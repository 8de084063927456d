import { parsePolicy } from './parse-policy';
import { policyPresets } from './presets';

const { 'library-a': a, 'library-b': b } = policyPresets;

describe('the two library presets', () => {
  it('are valid policies themselves', () => {
    expect(parsePolicy(a)).toEqual(a);
    expect(parsePolicy(b)).toEqual(b);
  });

  it('R7: both allow 10 active holds, counter holds included; R18: both keep a ready hold 10 open days', () => {
    expect([a.holdLimit, b.holdLimit]).toEqual([10, 10]);
    expect([a.pickupOpenDays, b.pickupOpenDays]).toEqual([10, 10]);
  });

  it('R1: Library B card numbers are 9 digits; Library A sets no format', () => {
    expect([a.cardNumberDigits, b.cardNumberDigits]).toEqual([null, 9]);
  });

  it('R2, R3, R5: the age, wide-area and overdue rules are Library A’s', () => {
    expect([a.minimumSchoolStage, b.minimumSchoolStage]).toEqual(['junior-high', null]);
    expect([a.wideAreaPatronsMayHoldOnline, b.wideAreaPatronsMayHoldOnline]).toEqual([false, true]);
    expect([a.overdueBlocksHolds, b.overdueBlocksHolds]).toEqual([true, false]);
  });

  it('R8, R9: A holds books and AV online and copies on the shelf; B books only online, and only titles with no copy on the shelf', () => {
    expect(a.holdableMaterialTypes).toEqual(['book', 'audiovisual']);
    expect(b.holdableMaterialTypes).toEqual(['book']);
    expect(b.counterHoldableMaterialTypes).toEqual(['book', 'magazine', 'audiovisual']);
    expect([a.onlineHoldsOnAvailableTitles, b.onlineHoldsOnAvailableTitles]).toEqual([true, false]);
  });

  it('R14: A offers e-mail or none; B phone, e-mail, ring-only, voicemail or none', () => {
    expect(a.contactMethods).toEqual(['email', 'none']);
    expect(b.contactMethods).toEqual(['phone', 'email', 'ring-only', 'voicemail', 'none']);
  });

  it('R15, R24, R25, R26: B batches holds from favourites with an optional confirmation mail and a status link; the mails differ', () => {
    expect([a.batchHoldsFromFavourites, b.batchHoldsFromFavourites]).toEqual([false, true]);
    expect([a.placedHoldConfirmationMail, b.placedHoldConfirmationMail]).toEqual([false, true]);
    expect([a.statusPageLinkInMails, b.statusPageLinkInMails]).toEqual([false, true]);
    expect([a.emailChangeMail, b.emailChangeMail]).toEqual(['registration-confirmation', 'change-completed']);
    expect([a.overdueReminderMail, b.overdueReminderMail]).toEqual([true, false]);
  });

  it('R27, R29: B resets passwords online; A has a 03:00–05:00 maintenance window, in Asia/Tokyo', () => {
    expect([a.onlinePasswordReset, b.onlinePasswordReset]).toEqual([false, true]);
    expect(a.maintenanceWindow).toEqual({ from: '03:00', to: '05:00' });
    expect(b.maintenanceWindow).toBeNull();
    expect([a.timeZone, b.timeZone]).toEqual(['Asia/Tokyo', 'Asia/Tokyo']);
  });
});
