import { runApp } from '@libs/platform';
import { apiApp } from './api-app';

/** The api process of a split deployment (docker compose); `npm start` runs it together with the worker (apps/server). */
void runApp('api', apiApp);
