'use strict';
// A TEST-ONLY PROTOCOL STAND-IN, NOT EVENTSTOREDB. A small gRPC server that answers the few
// EventStoreDB RPCs our adapter's client (@eventstore/db-client) uses, so the adapter can be tested
// over the real client and the real wire protocol where EventStoreDB itself cannot run. See README.md
// for what it implements and where it differs from a real server.
//
//   node test/support/esdb-stand-in/main.js [--port 0] [--host 127.0.0.1] [--data events.jsonl] [--swallow-append-replies 1]
//
// --swallow-append-replies 1 is a fault for the adapter's deadline tests: appends are written but never answered.
//
// It prints one JSON line, {"listening": <port>}, once it accepts connections. The data file (or
// ESDB_STAND_IN_DATA) keeps the events across restarts. It exits on SIGTERM/SIGINT and when its stdin
// closes, so a test run that dies never leaves it behind.
const { Server, ServerCredentials } = require('@grpc/grpc-js');
const { StreamsService } = require('@eventstore/db-client/generated/streams_grpc_pb');
const { ServerFeaturesService } = require('@eventstore/db-client/generated/serverfeatures_grpc_pb');
const { EventLog } = require('./event-log');
const { createRead } = require('./read');
const { createAppend } = require('./append');
const { createBatchAppend } = require('./batch-append');
const { getSupportedMethods } = require('./server-features');
const { StandInStatsService, CallCounter } = require('./stats-service');

function parseArgs(argv) {
  const args = { port: '0', host: '127.0.0.1', data: process.env.ESDB_STAND_IN_DATA, 'swallow-append-replies': '0' };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in args)) throw new Error(`esdb stand-in: unknown option ${argv[i]}`);
    args[name] = argv[i + 1];
  }
  return args;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const log = new EventLog(args.data);
  const counter = new CallCounter();
  const server = new Server();
  server.addService(StreamsService, {
    read: counter.counted('Streams.Read', createRead(log)),
    append: counter.counted('Streams.Append', createAppend(log)),
    batchAppend: counter.counted('Streams.BatchAppend', createBatchAppend(log, { swallowReplies: args['swallow-append-replies'] === '1' })),
  });
  server.addService(ServerFeaturesService, {
    getSupportedMethods: counter.counted('ServerFeatures.GetSupportedMethods', getSupportedMethods),
  });
  server.addService(StandInStatsService, {
    getStats: (_call, callback) => callback(null, { calls: counter.calls, events: log.events.length }),
  });

  server.bindAsync(`${args.host}:${args.port}`, ServerCredentials.createInsecure(), (error, port) => {
    if (error) {
      process.stderr.write(`esdb stand-in: cannot listen on ${args.host}:${args.port}: ${error.message}\n`);
      process.exit(1);
    }
    process.stdout.write(`${JSON.stringify({ listening: port })}\n`);
  });

  const shutdown = () => {
    server.forceShutdown();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.stdin.on('end', shutdown);
  process.stdin.resume();
}

main();
