/** A lease one sweeper holds while it sweeps, so that of many workers one sweeps at a time. */
export interface HeldLease {
  /** False once the lease may have passed to someone else (not renewed in time): stop taking new holds. */
  held(): boolean;
  release(): Promise<void>;
}

export interface SweepLease {
  /** The lease, or null when another process holds it. */
  acquire(): Promise<HeldLease | null>;
}

/** Null in the embedded mode: one process, whose sweeps already run one after another. */
export const SWEEP_LEASE = Symbol('SWEEP_LEASE');
