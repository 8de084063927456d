import type { AppConfig } from '@libs/platform';

/** Whether this process runs the worker's part (reactors, daily mail jobs); the api process of a split deployment does not. */
export const runsWorker = (config: AppConfig): boolean => config.APP_ROLE !== 'api';
