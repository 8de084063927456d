import type { AppParts } from '@libs/platform';
import { WorkerModule } from './worker.module';

/** The worker process: no API routes, only /health and /metrics besides its work. */
export const workerApp: AppParts = { modules: () => [{ module: WorkerModule }] };
