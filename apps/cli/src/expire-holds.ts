/**
 * The pickup-window expiry from the command line (R18, I3):
 *
 *   npm run holds:expire -- --dry-run [--on YYYY-MM-DD]   the holds due today (or on a day), and why
 *   npm run holds:expire                                  sweep now: expire them, hand their copies on
 *
 * Boots the application without HTTP on the configured stores, as the api role does: no reactors and no
 * schedule; in-memory read models are rebuilt from the log first, Redis ones must be kept up by a running worker.
 * The embedded lmdb store admits one process at a time: stop `npm start` before running this against it.
 * From a build: `node dist/apps/api/src/cli/expire-holds.js --dry-run`.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { ConfigurationError, PinoNestLogger, SystemClock, loadConfig, type Actor } from '@libs/platform';
import { ExitCode } from './support/exit-codes';
import { reasonOf } from './support/run-command';
import { ExpirySweep, operatorModule, wasSkipped, type DueHold, type ExpiredHold } from '@libs/application';

const CLI_ACTOR: Actor = { kind: 'system', id: 'expiry-cli' };
const USAGE = 'usage: expire-holds [--dry-run [--on YYYY-MM-DD]]';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const titleOf = (hold: Pick<DueHold, 'titleId' | 'titleName'>) => (hold.titleName ? `${hold.titleName} (${hold.titleId})` : hold.titleId);

function dueTable(holds: DueHold[]): string {
  return table(
    ['HOLD', 'TITLE', 'CARD', 'PICKUP AT', 'NOTICE DAY', 'LAST PICKUP DAY', 'EXPIRY DAY'],
    holds.map((hold) => [hold.holdId, titleOf(hold), hold.cardNumber, hold.pickupLocationId, hold.noticeDay, hold.lastPickupDay, hold.expiryDay]),
  );
}

function expiredTable(expired: ExpiredHold[], titles: Map<string, DueHold>): string {
  return table(
    ['HOLD', 'TITLE', 'CARD', 'PICKUP AT', 'NOTICE DAY', 'LAST PICKUP DAY', 'EXPIRED ON', 'COPY', 'COPY GOES TO'],
    expired.map((hold) => [
      hold.holdId,
      titleOf(titles.get(hold.holdId) ?? { titleId: hold.titleId, titleName: null }),
      hold.cardNumber,
      hold.pickupLocationId,
      hold.noticeDay,
      hold.lastPickupDay,
      hold.expiredOn,
      hold.copyId,
      hold.handedOnTo ? `hold ${hold.handedOnTo.holdId} (${hold.handedOnTo.status})` : 'clearance',
    ]),
  );
}

async function main(): Promise<ExitCode> {
  let args;
  try {
    args = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, on: { type: 'string' }, help: { type: 'boolean', default: false } } }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return ExitCode.usage;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return ExitCode.ok;
  }
  if (args.on !== undefined && (!args['dry-run'] || !/^\d{4}-\d{2}-\d{2}$/.test(args.on))) {
    process.stderr.write(`--on takes a day as YYYY-MM-DD and goes with --dry-run: a real sweep always judges by today\n${USAGE}\n`);
    return ExitCode.usage;
  }

  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return ExitCode.badConfig;
  }
  // Logs go to stderr, the answer to stdout.
  const logger = pino({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL }, pino.destination(2));
  const context = await NestFactory.createApplicationContext(operatorModule({ config, clock: new SystemClock(), logger }), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  try {
    const expiry = context.get(ExpirySweep);
    const { holds, settled } = await expiry.due(args.on);
    const day = args.on ?? expiry.today();
    if (args['dry-run']) {
      if (!settled) process.stderr.write('warning: the read models are behind the event log; the list may be incomplete\n');
      process.stdout.write(`${holds.length} ready hold(s) due for expiry on ${day}\n`);
      if (holds.length > 0) process.stdout.write(`${dueTable(holds)}\n`);
      return ExitCode.ok;
    }
    const outcome = await expiry.sweep(CLI_ACTOR);
    if (wasSkipped(outcome)) {
      process.stderr.write('another worker is sweeping right now (it holds the sweep lease); nothing done\n');
      return ExitCode.tryLater;
    }
    process.stdout.write(`${outcome.expired.length} hold(s) expired on ${outcome.today}\n`);
    if (outcome.expired.length > 0) process.stdout.write(`${expiredTable(outcome.expired, new Map(holds.map((hold) => [hold.holdId, hold])))}\n`);
    if (outcome.stillOpen.length > 0) process.stdout.write(`${outcome.stillOpen.length} hold(s) kept: a closure lengthened their window (R30)\n`);
    return ExitCode.ok;
  } finally {
    await context.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`expire-holds: ${reasonOf(error)}\n`);
    process.exitCode = ExitCode.failed;
  },
);
