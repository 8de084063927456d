'use strict';
// Streams.BatchAppend: the append path the client takes once ServerFeatures advertises it. One
// long-lived bidirectional call carries many appends, told apart by correlation id; an append may span
// several requests and is applied when its `is_final` request arrives. A version conflict is answered
// in the response body (a google.rpc.Status with WrongExpectedVersion details), never as a gRPC error.
const { Empty } = require('google-protobuf/google/protobuf/empty_pb');
const { streams, shared, streamName, streamIdentifier, uuidText, proposedEvent, wrongExpectedVersionStatus, badRequestStatus } =
  require('./messages');

const { ExpectedStreamPositionCase } = streams.BatchAppendReq.Options;

/**
 * @param {import('./event-log').EventLog} log
 * @param {{ swallowReplies?: boolean }} [faults] swallowReplies: write the events, never answer (a reply lost on the way)
 */
function createBatchAppend(log, faults = {}) {
  return (call) => {
    const pending = new Map();
    call.on('data', (request) => {
      const key = uuidText(request.getCorrelationId());
      if (request.hasOptions()) pending.set(key, { options: request.getOptions(), events: [] });
      const write = pending.get(key);
      if (!write) return;
      write.events.push(...request.getProposedMessagesList().map(proposedEvent));
      if (!request.getIsFinal()) return;
      pending.delete(key);
      const response = respond(log, write).setCorrelationId(request.getCorrelationId());
      if (!faults.swallowReplies) call.write(response);
    });
    call.on('end', () => call.end());
    // The client dropped the call (disposed or cancelled); nothing is left to answer.
    call.on('error', () => undefined);
  };
}

function respond(log, { options, events }) {
  const name = streamName(options.getStreamIdentifier());
  const response = new streams.BatchAppendResp().setStreamIdentifier(streamIdentifier(name));
  const expected = expectedRevision(options);
  if (expected === undefined) return response.setError(badRequestStatus('expected stream position not set'));
  const result = log.append(name, expected, events);
  if (!result.ok) return response.setError(wrongExpectedVersionStatus(expected, result.current));
  const success = new streams.BatchAppendResp.Success();
  if (result.revision < 0n) success.setNoStream(new Empty());
  else success.setCurrentRevision(String(result.revision));
  if (result.position === undefined) success.setNoPosition(new Empty());
  else {
    success.setPosition(
      new shared.AllStreamPosition().setCommitPosition(String(result.position)).setPreparePosition(String(result.position)),
    );
  }
  return response.setSuccess(success);
}

function expectedRevision(options) {
  switch (options.getExpectedStreamPositionCase()) {
    case ExpectedStreamPositionCase.STREAM_POSITION:
      return BigInt(options.getStreamPosition());
    case ExpectedStreamPositionCase.NO_STREAM:
      return 'no_stream';
    case ExpectedStreamPositionCase.ANY:
      return 'any';
    case ExpectedStreamPositionCase.STREAM_EXISTS:
      return 'stream_exists';
    default:
      return undefined;
  }
}

module.exports = { createBatchAppend };
