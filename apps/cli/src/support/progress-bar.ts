import { SingleBar } from 'cli-progress';

export interface ProgressBar {
  /** `done` of `total` units; `detail` is shown after the bar (counts, rate). */
  update(done: number, total: number, detail: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr, so stdout carries only the result. On a terminal it redraws in place; when stderr
 * is a file or a pipe (CI logs, `2> rebuild.log`) it writes a line every few seconds instead.
 */
export function progressBar(label: string): ProgressBar {
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {detail} | ETA {eta_formatted}`,
    stream: process.stderr,
    barsize: 30,
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 3000,
    etaBuffer: 50,
  });
  let started = false;
  return {
    update(done, total, detail) {
      if (!started) {
        bar.start(total, done, { detail });
        started = true;
        return;
      }
      bar.setTotal(total);
      bar.update(done, { detail });
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

/** Units per second since `startedAt` (ms), for the bar's detail. */
export function ratePerSecond(units: number, startedAt: number, now = Date.now()): number {
  const seconds = (now - startedAt) / 1000;
  return seconds > 0 ? Math.round(units / seconds) : 0;
}
