/** `HH:MM` (EXPIRY_SWEEP_AT) as a cron expression with seconds: every day at that minute. */
export function dailyCronTime(at: string): string {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(at);
  if (!match) throw new Error(`expected HH:MM, got ${JSON.stringify(at)}`);
  return `0 ${Number(match[2])} ${Number(match[1])} * * *`;
}
