'use strict';
// Streams.Append: the older client-streaming append (one options request, then one request per
// event). Clients use it against servers that do not advertise BatchAppend.
const { status } = require('@grpc/grpc-js');
const { streams, shared, streamName, proposedEvent } = require('./messages');

const { ExpectedStreamRevisionCase } = streams.AppendReq.Options;

/** @param {import('./event-log').EventLog} log */
function createAppend(log) {
  return (call, callback) => {
    let options;
    const events = [];
    call.on('data', (request) => {
      if (request.hasOptions()) options = request.getOptions();
      else if (request.hasProposedMessage()) events.push(proposedEvent(request.getProposedMessage()));
    });
    call.on('end', () => {
      const expected = options && expectedRevision(options);
      if (expected === undefined) {
        callback({ code: status.INVALID_ARGUMENT, details: 'stand-in: append options missing' });
        return;
      }
      callback(null, respond(log.append(streamName(options.getStreamIdentifier()), expected, events), expected));
    });
    call.on('error', () => undefined);
  };
}

function respond(result, expected) {
  if (!result.ok) {
    const conflict = new streams.AppendResp.WrongExpectedVersion();
    if (result.current === undefined) conflict.setCurrentNoStream(new shared.Empty());
    else conflict.setCurrentRevision(String(result.current));
    if (expected === 'any') conflict.setExpectedAny(new shared.Empty());
    else if (expected === 'no_stream') conflict.setExpectedNoStream(new shared.Empty());
    else if (expected === 'stream_exists') conflict.setExpectedStreamExists(new shared.Empty());
    else conflict.setExpectedRevision(String(expected));
    return new streams.AppendResp().setWrongExpectedVersion(conflict);
  }
  const success = new streams.AppendResp.Success();
  if (result.revision < 0n) success.setNoStream(new shared.Empty());
  else success.setCurrentRevision(String(result.revision));
  if (result.position === undefined) success.setNoPosition(new shared.Empty());
  else {
    success.setPosition(
      new streams.AppendResp.Position().setCommitPosition(String(result.position)).setPreparePosition(String(result.position)),
    );
  }
  return new streams.AppendResp().setSuccess(success);
}

function expectedRevision(options) {
  switch (options.getExpectedStreamRevisionCase()) {
    case ExpectedStreamRevisionCase.REVISION:
      return BigInt(options.getRevision());
    case ExpectedStreamRevisionCase.NO_STREAM:
      return 'no_stream';
    case ExpectedStreamRevisionCase.ANY:
      return 'any';
    case ExpectedStreamRevisionCase.STREAM_EXISTS:
      return 'stream_exists';
    default:
      return undefined;
  }
}

module.exports = { createAppend };
