import { CronJob } from 'cron';
import { dailyCronTime } from './sweep-time';

describe('the daily sweep time (I3)', () => {
  it('turns HH:MM into a daily cron expression', () => {
    expect(dailyCronTime('00:05')).toBe('0 5 0 * * *');
    expect(dailyCronTime('23:59')).toBe('0 59 23 * * *');
    expect(() => dailyCronTime('24:00')).toThrow('HH:MM');
  });

  it("fires shortly after midnight in the library's time zone, not the server's", () => {
    const job = CronJob.from({ cronTime: dailyCronTime('00:05'), timeZone: 'Asia/Tokyo', onTick: () => undefined, start: false });
    const next = job.nextDates(2).map((date) => date.toUTC().toISO());
    // 00:05 in Tokyo is 15:05 UTC the day before.
    for (const iso of next) expect(iso).toMatch(/T15:05:00\.000Z$/);
  });
});
