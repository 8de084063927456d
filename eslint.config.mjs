// Lint: typescript-eslint's recommended rules, plus the layer rule that keeps libs/domain pure
// (no Nest, no Redis, no stores, no event-store client, no I/O modules).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'bench/results/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'ioredis', 'lmdb', '@eventstore/*', '@libs/event-store*', '@libs/projections*', '@libs/notifications*'], message: 'libs/domain is pure: no framework, store or I/O imports.' },
            { group: ['fs', 'node:*', 'net', 'http', 'https', 'child_process'], message: 'libs/domain is pure: no I/O.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'libs/domain has no clock: time comes in the command.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'libs/domain has no clock: time comes in the command.' },
      ],
    },
  },
);
