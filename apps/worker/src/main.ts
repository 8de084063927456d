import { bootstrap } from '../../api/src/bootstrap';

/**
 * The worker process of a split deployment: projections into Redis, the expiry sweep, the mail and hold-slot
 * reactors, with /health and /metrics on PORT. It is the same application as the api in the worker role;
 * `npm start` (APP_ROLE=all) runs both in one process.
 */
void bootstrap('worker');
