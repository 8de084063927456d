import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventStoreUnavailableError } from '../errors';

const LOCK_FILE = 'owner.pid';

/**
 * One writer per data directory. lmdb itself lets several processes share an environment, but each
 * process numbers positions from its own counter, so a second writer would corrupt the global order.
 *
 * The lock is a file holding the owner's pid, created atomically: the pid is written to a private
 * temporary file first and then hard-linked into place, which fails if the lock exists, so the lock
 * file is never seen empty. A lock whose pid is dead is stale (the owner crashed) and is taken over.
 * Directories held by this process are also remembered in memory: that is how a lock file carrying
 * our own pid is told apart from a stale one left by an earlier process that had the same pid,
 * which is the rule in containers, where the app is always pid 1.
 */
export class DataDirLock {
  private static readonly heldHere = new Set<string>();

  private constructor(
    private readonly directory: string,
    private readonly lockPath: string,
  ) {}

  /** `directory` must be a real path (symlinks resolved), so two spellings of one directory collide. */
  static acquire(directory: string): DataDirLock {
    if (DataDirLock.heldHere.has(directory)) {
      throw new EventStoreUnavailableError(`event store directory ${directory} is already open in this process (pid ${process.pid})`);
    }
    const lockPath = join(directory, LOCK_FILE);
    // Two rounds: a stale lock is removed in the first and taken in the second. Losing the second
    // round means another process took it over in between, and its pid is reported below.
    for (let round = 0; round < 2; round++) {
      if (tryCreateLock(directory, lockPath)) {
        DataDirLock.heldHere.add(directory);
        return new DataDirLock(directory, lockPath);
      }
      const owner = readOwner(lockPath);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
        throw new EventStoreUnavailableError(
          `event store directory ${directory} is in use by process ${owner} (lock file ${lockPath}); ` + 'only one process may open it at a time',
        );
      }
      removeIfPresent(lockPath);
    }
    throw new EventStoreUnavailableError(`event store directory ${directory}: could not take the lock file ${lockPath}, another process keeps taking it`);
  }

  release(): void {
    if (readOwner(this.lockPath) === process.pid) removeIfPresent(this.lockPath);
    DataDirLock.heldHere.delete(this.directory);
  }
}

function tryCreateLock(directory: string, lockPath: string): boolean {
  const draft = `${lockPath}.${process.pid}.draft`;
  try {
    writeFileSync(draft, `${process.pid}\n`);
    linkSync(draft, lockPath);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw new EventStoreUnavailableError(`event store directory ${directory} is not writable: cannot create the lock file ${lockPath} (${reason(error)})`, {
      cause: error,
    });
  } finally {
    // Best effort: on a read-only file system even this unlink fails (EROFS), and must not hide the reason above.
    try {
      removeIfPresent(draft);
    } catch {
      // A leftover draft is harmless: it is never read as the lock.
    }
  }
}

/** The pid in the lock file; undefined when the file is gone or holds no pid (then nothing owns it). */
function readOwner(lockPath: string): number | undefined {
  let content: string;
  try {
    content = readFileSync(lockPath, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  const pid = Number.parseInt(content.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return errorCode(error) === 'EPERM';
  }
}

function removeIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
