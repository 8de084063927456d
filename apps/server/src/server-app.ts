import { apiApp, serveApiExtras } from '../../api/src/api-app';
import { ApiModule } from '../../api/src/api.module';
import { workerApp } from '../../worker/src/worker-app';
import { createHttpApp, type AppParts, type CoreOptions } from '@libs/platform';
import { WorkerModule } from '../../worker/src/worker.module';

/** `npm start`: the api and the worker in one process, one module tree. */
export const serverApp: AppParts = {
  modules: () => [{ module: ApiModule }, { module: WorkerModule }],
  http: serveApiExtras,
};

const partsByRole: Record<CoreOptions['config']['APP_ROLE'], AppParts> = { all: serverApp, api: apiApp, worker: workerApp };

/** The app the configuration's role names, as its entry point would start it (the e2e tests start it this way). */
export function createApp(options: CoreOptions) {
  return createHttpApp(partsByRole[options.config.APP_ROLE], options);
}
