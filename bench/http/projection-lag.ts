/**
 * Samples the app's own projection lag gauge (`projection_lag_seconds` on /metrics: age of the oldest event not yet
 * in the read models) while a write scenario runs; reports the largest seen and the time the read models took to
 * reach the log's head once the load stopped.
 */
export class ProjectionLagSampler {
  private timer: NodeJS.Timeout | undefined;
  private samples: number[] = [];
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly baseUrl: string) {}

  start(intervalMs = 250): void {
    this.samples = [];
    this.timer = setInterval(() => {
      this.pending = this.sample().then((lag) => void this.samples.push(lag));
    }, intervalMs);
  }

  async stop(): Promise<{ maxSampled: number; catchUpAfterLoad: number }> {
    clearInterval(this.timer);
    await this.pending;
    const stopped = Date.now();
    while ((await this.sample()) > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    return { maxSampled: Math.round(Math.max(0, ...this.samples)), catchUpAfterLoad: Date.now() - stopped };
  }

  /** Milliseconds. */
  private async sample(): Promise<number> {
    const text = await (await fetch(`${this.baseUrl}/metrics`)).text();
    const match = /^projection_lag_seconds(?:\{[^}]*\})?\s+([0-9.eE+-]+)/m.exec(text);
    return match ? Number(match[1]) * 1000 : 0;
  }
}
