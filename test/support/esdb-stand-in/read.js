'use strict';
// Streams.Read: the one RPC behind stream reads, $all reads and catch-up subscriptions to $all.
const { randomUUID } = require('node:crypto');
const { status } = require('@grpc/grpc-js');
const {
  streams,
  streamName,
  readEventResponse,
  confirmationResponse,
  checkpointResponse,
  caughtUpResponse,
  streamNotFoundResponse,
} = require('./messages');
const { readFilter } = require('./filter');
const { send, nextAppend } = require('./send');

const { ReadDirection } = streams.ReadReq.Options;
const { RevisionOptionCase } = streams.ReadReq.Options.StreamOptions;
const { AllOptionCase } = streams.ReadReq.Options.AllOptions;

/** @param {import('./event-log').EventLog} log */
function createRead(log) {
  return (call) => {
    const options = call.request.getOptions();
    respond(log, call, options).then(
      () => call.end(),
      (error) => call.emit('error', { code: error.code ?? status.INTERNAL, details: `stand-in: ${error.message}` }),
    );
  };
}

async function respond(log, call, options) {
  if (options.hasStream() && options.hasSubscription()) {
    throw Object.assign(new Error('stream subscriptions are not implemented by the stand-in'), {
      code: status.UNIMPLEMENTED,
    });
  }
  if (options.hasStream()) return readStream(log, call, options);
  if (options.hasSubscription()) return subscribeToAll(log, call, options);
  return readAll(log, call, options);
}

async function readStream(log, call, options) {
  const streamOptions = options.getStream();
  const name = streamName(streamOptions.getStreamIdentifier());
  const events = log.stream(name);
  if (!events) {
    await send(call, streamNotFoundResponse(name));
    return;
  }
  const last = events.length - 1;
  const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
  let from;
  switch (streamOptions.getRevisionOptionCase()) {
    case RevisionOptionCase.START:
      from = 0;
      break;
    case RevisionOptionCase.END:
      from = backwards ? last : events.length;
      break;
    default:
      from = Math.min(Number(streamOptions.getRevision()), backwards ? last : events.length);
  }
  const step = backwards ? -1 : 1;
  let remaining = count(options);
  for (let i = from; i >= 0 && i <= last && remaining > 0; i += step, remaining--) {
    if (!(await send(call, readEventResponse(events[i])))) return;
  }
}

async function readAll(log, call, options) {
  const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
  const filter = readFilter(options);
  // Forwards from a position includes the event at it; backwards reads what lies before it.
  let index = startIndex(log, options.getAll(), backwards ? log.events.length : 0);
  if (backwards) index -= 1;
  const step = backwards ? -1 : 1;
  let remaining = count(options);
  for (; index >= 0 && index < log.events.length && remaining > 0; index += step) {
    const record = log.events[index];
    if (filter && !filter.matches(record)) continue;
    if (!(await send(call, readEventResponse(record)))) return;
    remaining--;
  }
}

/**
 * A catch-up subscription: everything strictly after the start position, then `caughtUp`, then live
 * events as they are appended. With a filter, a checkpoint follows every `checkpointInterval` events
 * considered (matching or not), at the position of the last one, so the reader can store progress.
 * One cursor walks the log for both phases, so no event is missed or repeated at the switch to live.
 */
async function subscribeToAll(log, call, options) {
  const filter = readFilter(options);
  const start = options.getAll();
  let index = startIndex(log, start, log.events.length);
  if (start.hasPosition() && index < log.events.length && log.events[index].position === position(start)) index += 1;
  if (!(await send(call, confirmationResponse(randomUUID())))) return;
  let considered = 0;
  let caughtUp = false;
  while (!call.cancelled) {
    if (index < log.events.length) {
      const record = log.events[index++];
      if (!filter || filter.matches(record)) {
        if (!(await send(call, readEventResponse(record)))) return;
      }
      if (filter && ++considered >= filter.checkpointInterval) {
        considered = 0;
        if (!(await send(call, checkpointResponse(record.position)))) return;
      }
      continue;
    }
    if (!caughtUp) {
      caughtUp = true;
      if (!(await send(call, caughtUpResponse()))) return;
      continue;
    }
    await nextAppend(log, call);
  }
}

/** Index of the first event at or after the requested $all position; `atEnd` for END. */
function startIndex(log, allOptions, atEnd) {
  switch (allOptions.getAllOptionCase()) {
    case AllOptionCase.START:
      return 0;
    case AllOptionCase.END:
      return atEnd;
    default:
      return log.indexAtOrAfter(position(allOptions));
  }
}

function position(allOptions) {
  return BigInt(allOptions.getPosition().getCommitPosition());
}

function count(options) {
  return options.hasCount() ? Number(options.getCount()) : Number.MAX_SAFE_INTEGER;
}

module.exports = { createRead };
