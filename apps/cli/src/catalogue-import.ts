/**
 * npm run catalogue:import -- <file.csv|file.json> [--dry-run]: bulk cataloguing of titles and copies.
 *
 * Why through the HTTP API of the running app rather than by booting the Nest application context here:
 * - the embedded event store (lmdb) is locked by the one process that opened DATA_DIR, the running app;
 *   a second process cannot open it, so an in-process import would mean stopping the library's service;
 * - in production the api service owns the write path: going through it runs the very same controller,
 *   validation pipe, role check and CatalogueService, and every event names the importing staff member
 *   as its actor in the audit trail (an in-process import would have to invent an actor);
 * - booting AppModule here would also start a second worker (projections, reactors, expiry sweep).
 * The file is still validated here first, with the API's own DTO classes, so every bad row is reported with its
 * line before anything is sent, and --dry-run needs no running app.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { importCatalogue } from './catalogue-import/import-catalogue';
import { dryRunSummary, importSucceeded, importSummary } from './catalogue-import/import-summary';
import { CatalogueFileError, formatOf, parseCatalogueFile } from './catalogue-import/parse-catalogue-file';
import { StaffApi, StaffApiUnavailable } from './catalogue-import/staff-api';
import { validateCatalogue } from './catalogue-import/validate-catalogue';
import { CommandFailure, ExitCode } from './support/exit-codes';
import { progressBar, ratePerSecond } from './support/progress-bar';
import { reasonOf, runCommand } from './support/run-command';

const USAGE = `Usage: npm run catalogue:import -- <file.csv|file.json> [--dry-run] [--url URL]
         [--staff-id ID --password PASSWORD | --token TOKEN]

Catalogues titles and copies through the staff API of a running app.
  CSV:  a header row, then one row per copy with its title's columns:
        titleId,name,author,materialType,volume,copyId,locationId,loanable
        (leave the copy columns empty for a title without copies)
  JSON: { "titles": [{ titleId, name, author, materialType, volume }], "copies": [{ copyId, titleId, locationId, loanable }] }

  --dry-run      check the file only; nothing is sent, no app needed
  --url          the app (default: $HOLDS_API_URL or http://localhost:3000)
  --staff-id     a staff account with the admin or circulation role (default: $HOLDS_STAFF_ID)
  --password     its password (default: $HOLDS_STAFF_PASSWORD; prefer the variable, argv is visible to other users)
  --token        a staff access token instead of a login (default: $HOLDS_STAFF_TOKEN)

Titles and copies already in the catalogue with the same data are skipped, so a re-run is safe.
Exit codes: 0 all created or skipped, 1 something was invalid or refused (or the app could not be reached),
64 bad arguments, 65 the file cannot be read as a catalogue (nothing was sent).`;

interface ImportOptions {
  file: string;
  dryRun: boolean;
  url: string;
  staffId?: string;
  password?: string;
  token?: string;
}

function parseOptions(): ImportOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        'dry-run': { type: 'boolean' },
        url: { type: 'string' },
        'staff-id': { type: 'string' },
        password: { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CommandFailure(`${reasonOf(error)}\n\n${USAGE}`, ExitCode.usage);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new CommandFailure(`Give exactly one file to import.\n\n${USAGE}`, ExitCode.usage);
  const env = process.env;
  const options: ImportOptions = {
    file: positionals[0],
    dryRun: values['dry-run'] ?? false,
    url: values.url ?? env.HOLDS_API_URL ?? 'http://localhost:3000',
    staffId: values['staff-id'] ?? env.HOLDS_STAFF_ID,
    password: values.password ?? env.HOLDS_STAFF_PASSWORD,
    token: values.token ?? env.HOLDS_STAFF_TOKEN,
  };
  if (!options.dryRun && !options.token && !(options.staffId && options.password)) {
    throw new CommandFailure(
      'Say who imports: --staff-id with --password (or HOLDS_STAFF_ID / HOLDS_STAFF_PASSWORD), or --token (or HOLDS_STAFF_TOKEN).',
      ExitCode.usage,
    );
  }
  return options;
}

function readPlan(file: string) {
  const format = formatOf(file);
  if (!format) throw new CommandFailure(`${file}: the file name must end in .csv or .json`, ExitCode.usage);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CommandFailure(`Cannot read ${file}: ${reasonOf(error)}`, ExitCode.badInput);
  }
  try {
    return validateCatalogue(parseCatalogueFile(text, format));
  } catch (error) {
    if (error instanceof CatalogueFileError) throw new CommandFailure(`${file}: ${error.message}\nNothing was imported.`, ExitCode.badInput);
    throw error;
  }
}

async function main(): Promise<ExitCode> {
  const options = parseOptions();
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return ExitCode.ok;
  }
  const plan = readPlan(options.file);
  const name = basename(options.file);
  if (options.dryRun) {
    process.stdout.write(dryRunSummary(name, plan));
    return importSucceeded(plan) ? ExitCode.ok : ExitCode.failed;
  }

  let api: StaffApi;
  try {
    api = options.token
      ? StaffApi.withToken(options.url, options.token)
      : await StaffApi.login(options.url, options.staffId as string, options.password as string);
  } catch (error) {
    if (error instanceof StaffApiUnavailable) throw new CommandFailure(`${error.message}\nNothing was imported.`, ExitCode.failed);
    throw error;
  }
  const bar = progressBar('importing catalogue');
  const startedAt = Date.now();
  const report = await importCatalogue(plan, api, (done, total, { titles, copies }) => {
    const refused = titles.refused + copies.refused;
    bar.update(done, total, `${done}/${total} writes | ${refused} refused | ${ratePerSecond(done, startedAt)}/s`);
  }).finally(() => bar.stop());
  process.stdout.write(importSummary(name, plan, report));
  return importSucceeded(plan, report) ? ExitCode.ok : ExitCode.failed;
}

runCommand(main);
