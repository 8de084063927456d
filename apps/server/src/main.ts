import { runApp } from '@libs/platform';
import { serverApp } from './server-app';

/** `npm start`: the HTTP API and the worker in one process, on the embedded defaults unless configured otherwise. */
void runApp('all', serverApp);
