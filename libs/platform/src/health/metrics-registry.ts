/** The Prometheus registry /metrics serves. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');
