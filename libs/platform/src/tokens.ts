/** Injection tokens for the parts chosen by configuration. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');
export const REDIS = Symbol('REDIS');
export const POLICY = Symbol('POLICY');
export const APP_CONFIG = Symbol('APP_CONFIG');
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
