// Lint: typescript-eslint's recommended rules, plus the boundaries of the layout (README "Folder map"):
// libs/domain imports nothing of ours and does no I/O; libs/event-store knows no domain; libs never import apps;
// no app imports another (apps/server alone composes api and worker). Formatting is Prettier's (.prettierrc.json).
import tseslint from 'typescript-eslint';

const ourLibs = (...names) => names.map((name) => `@libs/${name}*`);
const otherApps = (...names) => names.flatMap((name) => [`**/apps/${name}/**`, `**/${name}/src/**`]);
const noAppImports = { group: ['**/apps/**', '**/api/src/**', '**/worker/src/**', '**/server/src/**', '**/cli/src/**'], message: 'libs never import apps.' };

/** One no-restricted-imports rule per folder (ESLint does not merge two rules of the same name for a file). */
function boundary(files, patterns, extra = {}) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns }], ...extra } };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'bench/results/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  boundary(
    ['libs/domain/**/*.ts'],
    [
      {
        group: ['@nestjs/*', 'ioredis', 'lmdb', '@eventstore/*', ...ourLibs('event-store', 'projections', 'notifications', 'platform', 'application')],
        message: 'libs/domain is pure: no framework, store, I/O or other lib.',
      },
      { group: ['fs', 'node:*', 'net', 'http', 'https', 'child_process'], message: 'libs/domain is pure: no I/O.' },
      noAppImports,
    ],
    {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'libs/domain has no clock: time comes in the command.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'libs/domain has no clock: time comes in the command.' },
      ],
    },
  ),
  boundary(
    ['libs/event-store/**/*.ts'],
    [
      {
        group: ourLibs('domain', 'projections', 'notifications', 'platform', 'application'),
        message: 'The event store knows no domain: it stores typed JSON for any writer.',
      },
      noAppImports,
    ],
  ),
  boundary(
    ['libs/projections/**/*.ts', 'libs/notifications/**/*.ts'],
    [
      { group: ['@nestjs/*', ...ourLibs('platform', 'application')], message: 'Read models and mail are plain code over the domain and the event-store port.' },
      noAppImports,
    ],
  ),
  boundary(['libs/platform/**/*.ts'], [{ group: ourLibs('application'), message: 'libs/platform is below libs/application.' }, noAppImports]),
  boundary(['libs/application/**/*.ts'], [noAppImports]),
  boundary(
    ['apps/api/**/*.ts'],
    [{ group: otherApps('worker', 'server', 'cli'), message: 'apps/api imports no other app; apps/server composes api and worker.' }],
  ),
  boundary(
    ['apps/worker/**/*.ts'],
    [{ group: otherApps('api', 'server', 'cli'), message: 'apps/worker imports no other app; apps/server composes api and worker.' }],
  ),
  boundary(
    ['apps/cli/**/*.ts'],
    [{ group: otherApps('api', 'worker', 'server'), message: 'apps/cli imports no other app: it talks to the api over HTTP or uses the libs.' }],
  ),
);
