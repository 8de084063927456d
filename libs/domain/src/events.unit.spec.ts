import { streamIds } from './events';

describe('stream ids', () => {
  it('one stream per patron, title, location and staff account', () => {
    expect(streamIds.patron('123456789')).toBe('patron-123456789');
    expect(streamIds.title('t1')).toBe('title-t1');
    expect(streamIds.location('main')).toBe('location-main');
    expect(streamIds.staff('s1')).toBe('staff-s1');
  });
});
