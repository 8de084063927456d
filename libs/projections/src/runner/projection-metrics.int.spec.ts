import { Registry } from 'prom-client';
import { appendEvents } from '../../test-support/append-events';
import { events as e } from '../../test-support/domain-events';
import { openTestEventStore } from '../../test-support/lmdb-event-store';
import { InMemoryReadModelStore } from '../store/in-memory-read-model-store';
import { ProjectionMetrics } from './projection-metrics';
import { ProjectionRunner } from './projection-runner';

describe('projection metrics', () => {
  it('report position and lag on the given registry', async () => {
    const { eventStore, dispose } = await openTestEventStore();
    const runner = new ProjectionRunner({ eventStore, store: new InMemoryReadModelStore(), retryDelayMs: 0 });
    const registry = new Registry();
    new ProjectionMetrics(runner, registry);

    const before = await registry.metrics();
    expect(before).toMatch(/^projection_position\{projection="read-models"\} -1$/m);
    expect(before).toMatch(/^projection_lag_events\{projection="read-models"\} 0$/m);

    const head = await appendEvents(eventStore, [e.patronRegistered('c1'), e.patronRegistered('c2'), e.patronRegistered('c3')]);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const behind = await registry.metrics();
    expect(behind).toMatch(/^projection_lag_events\{projection="read-models"\} 3$/m);
    expect(Number(/^projection_lag_seconds\{projection="read-models"\} (\S+)$/m.exec(behind)?.[1])).toBeGreaterThan(0);

    await runner.start();
    expect(await runner.waitForPosition(head, 5000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const caughtUp = await registry.metrics();
    expect(caughtUp).toMatch(new RegExp(`^projection_position\\{projection="read-models"\\} ${head}$`, 'm'));
    expect(caughtUp).toMatch(/^projection_lag_events\{projection="read-models"\} 0$/m);
    expect(caughtUp).toMatch(/^projection_lag_seconds\{projection="read-models"\} 0$/m);
    await runner.stop();
    await dispose();
  });
});
