// Lets plain `node` run this repository's TypeScript: `node -r ./scripts/ts-register.js some/file.ts`.
// Compiles each .ts file on require with @swc/core (the same settings as jest.config.js: decorators with
// Nest's metadata, CommonJS) and maps the @libs/<name> path aliases of tsconfig.json to libs/<name>/src.
// No type checking here: `npm run typecheck` does that.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const libAlias = /^@libs\/([a-z-]+)(\/.*)?$/;

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = libAlias.exec(request);
  const target = alias ? path.join(root, 'libs', alias[1], 'src', alias[2] ?? '') : request;
  return resolveFilename.call(this, target, ...rest);
};

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

// Stack traces point at the TypeScript lines.
process.setSourceMapsEnabled(true);
