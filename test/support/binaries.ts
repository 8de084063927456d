import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian's Chromium, which the browser tests (test/browser) drive. */
export const CHROMIUM = '/usr/bin/chromium';

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const onPath = (name: string) => (process.env.PATH ?? '').split(delimiter).some((directory) => directory !== '' && isExecutable(join(directory, name)));

/**
 * What the test run needs installed and is not: one line saying what to install, or null. Checked by the jest
 * global setup before any test, so a machine without them fails at once instead of in the middle of the run.
 */
export function missingBinariesMessage(): string | null {
  const missing: { problem: string; debianPackage: string }[] = [];
  if (!onPath('redis-server')) missing.push({ problem: 'redis-server is not on PATH', debianPackage: 'redis-server' });
  if (!isExecutable(CHROMIUM)) missing.push({ problem: `${CHROMIUM} is missing`, debianPackage: 'chromium' });
  if (missing.length === 0) return null;
  const problems = missing.map((entry) => entry.problem).join(' and ');
  const packages = missing.map((entry) => entry.debianPackage).join(' ');
  return `${problems}: install ${missing.length === 1 ? 'it' : 'them'} (Debian: apt-get install ${packages})`;
}
