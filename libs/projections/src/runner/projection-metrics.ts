import { Gauge, type Registry } from 'prom-client';
import type { ProjectionLag, ProjectionRunner } from './projection-runner';

/**
 * The runner's progress as Prometheus gauges, computed when scraped:
 * projection_lag_events, projection_lag_seconds and projection_position, labelled with the projection's name.
 */
export class ProjectionMetrics {
  private lagAt = 0;
  private lagPending: Promise<ProjectionLag> | undefined;

  constructor(
    private readonly runner: Pick<ProjectionRunner, 'lag' | 'status'>,
    registry: Registry,
    name = 'read-models',
  ) {
    const labels = { projection: name };
    const lag = () => this.sharedLag();
    new Gauge({
      name: 'projection_lag_events',
      help: 'Events appended to the log but not yet applied to the read models',
      labelNames: ['projection'],
      registers: [registry],
      async collect() {
        this.set(labels, (await lag()).events);
      },
    });
    new Gauge({
      name: 'projection_lag_seconds',
      help: 'Age of the oldest event not yet applied to the read models (0 when caught up)',
      labelNames: ['projection'],
      registers: [registry],
      async collect() {
        this.set(labels, (await lag()).milliseconds / 1000);
      },
    });
    new Gauge({
      name: 'projection_position',
      help: 'Global position of the last event applied to the read models (-1 before the first)',
      labelNames: ['projection'],
      registers: [registry],
      collect() {
        const { position } = runner.status();
        this.set(labels, position === null ? -1 : Number(position));
      },
    });
  }

  /** One look at the event store per scrape, shared by the two lag gauges. */
  private sharedLag(): Promise<ProjectionLag> {
    if (this.lagPending === undefined || Date.now() - this.lagAt > 100) {
      this.lagAt = Date.now();
      this.lagPending = this.runner.lag().catch(() => ({ events: -1, milliseconds: -1 }));
    }
    return this.lagPending;
  }
}
