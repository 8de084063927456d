import { runApp } from '@libs/platform';
import { workerApp } from './worker-app';

/**
 * The worker process of a split deployment (docker compose): projections into Redis, the expiry sweep, the mail and
 * hold-slot reactors, the reminder mails, with /health and /metrics on PORT. `npm start` runs it together with the
 * api in one process (apps/server).
 */
void runApp('worker', workerApp);
