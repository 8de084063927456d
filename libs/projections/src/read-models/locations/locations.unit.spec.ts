import { events as e, recordAll } from '../../../test-support/domain-events';
import { foldDocs } from '../../../test-support/fold';
import { locationsReadModel } from './locations.read-model';

describe('locations read model', () => {
  it('keeps the name and the latest calendar (R30)', () => {
    const docs = foldDocs(
      locationsReadModel,
      recordAll([
        e.locationRegistered('main', 'Main library'),
        e.calendarChanged('main', { weeklyClosedDays: [1] }),
        e.calendarChanged('main', { weeklyClosedDays: [1], closedDates: ['2026-04-08'] }),
      ]),
    );
    expect(docs.get('main')).toEqual({
      locationId: 'main',
      name: 'Main library',
      calendar: { weeklyClosedDays: [1], closedDates: ['2026-04-08'], closedRanges: [], closedOnNationalHolidays: false, closedDayAfterNationalHoliday: false },
    });
  });

  it('has no calendar until one is set', () => {
    const docs = foldDocs(locationsReadModel, recordAll([e.locationRegistered('branch', 'Branch room')]));
    expect(docs.get('branch')).toEqual({ locationId: 'branch', name: 'Branch room', calendar: null });
  });
});
