// Some package registries do not carry every platform's build of a package's optional native binaries
// (darwin, win32, ppc64 … builds of @swc/core, lmdb, msgpackr-extract). `npm install` then leaves those
// optional packages out of package-lock.json, and `npm ci` refuses the lock as out of sync with package.json.
// This script adds the missing entries, marked optional and limited to their platform, so `npm ci` accepts
// the lock and skips them on other platforms, exactly as it does with a lock written where they resolve.
// Run it after any `npm install` that changes the lock: `node scripts/complete-lockfile.mjs`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const lockPath = join(root, 'package-lock.json');

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openbsd', 'sunos', 'aix', 'netbsd', 'wasi'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'];

/** Platform of an optional binary from its name, e.g. @swc/core-linux-arm64-musl → linux, arm64, musl. */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((part) => OS.includes(part));
  const cpu = parts.find((part) => CPU.includes(part)) ?? (parts.includes('wasm32') ? 'wasm32' : undefined);
  const libc = parts.includes('musl') ? 'musl' : parts.includes('gnu') || parts.some((p) => p.startsWith('gnu')) ? 'glibc' : undefined;
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}), ...(os === 'linux' && libc ? { libc: [libc] } : {}) };
}

function missingEntries() {
  const dir = mkdtempSync(join(tmpdir(), 'lockcheck-'));
  try {
    copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
    copyFileSync(lockPath, join(dir, 'package-lock.json'));
    execFileSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'pipe' });
    return [];
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    return [...output.matchAll(/Missing: (@?[^@\s]+)@(\S*) from lock file/g)].map((match) => match[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
for (let round = 0; round < 5; round++) {
  const missing = missingEntries();
  if (missing.length === 0) {
    console.log('package-lock.json is complete: npm ci accepts it');
    process.exit(0);
  }
  for (const name of missing) {
    const parents = Object.values(lock.packages).filter((entry) => entry.optionalDependencies?.[name]);
    if (parents.length === 0) throw new Error(`no package lists ${name} as an optional dependency`);
    const version = parents[0].optionalDependencies[name].replace(/^[\^~=]/, '');
    lock.packages[`node_modules/${name}`] = {
      version,
      ...(parents.every((parent) => parent.dev) ? { dev: true } : {}),
      optional: true,
      ...platformOf(name),
    };
  }
  lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`added ${missing.length} optional platform entries: ${missing.join(', ')}`);
}
console.error('package-lock.json is still incomplete after 5 rounds');
process.exit(1);
