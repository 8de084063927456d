import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..', '..');
const SOURCE = join(ROOT, 'apps', 'web');
const OUTPUT = join(ROOT, 'dist', 'web');
const STAMP = join(OUTPUT, '.source-hash');
const LOCK = join(ROOT, 'dist', '.web-build.lock');
/** A lock older than this was left by a run that died; the next run takes it over. */
const STALE_LOCK_MS = 120_000;
const LOCK_POLL_MS = 100;

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? filesUnder(join(directory, entry.name)) : [join(directory, entry.name)])));
  return nested.flat().sort();
}

/** The web sources and the lock file: the build is redone only when one of them changed. */
async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...(await filesUnder(SOURCE)), join(ROOT, 'package-lock.json')]) {
    hash
      .update(relative(ROOT, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  }
  return hash.digest('hex');
}

async function takeLock(): Promise<void> {
  await mkdir(join(ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (await stat(LOCK).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > STALE_LOCK_MS) await rm(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
  }
}

/**
 * Builds the staff console and the patron page (vite build of apps/web into dist/web) unless the build there
 * was made from the same sources. Browser test files run in parallel workers; a lock directory lets one build.
 */
export async function buildFrontEnd(): Promise<void> {
  await takeLock();
  try {
    const hash = await sourceHash();
    if ((await readFile(STAMP, 'utf8').catch(() => '')) === hash) return;
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', SOURCE, '--logLevel', 'warn'], { cwd: ROOT });
    await writeFile(STAMP, hash);
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}
