'use strict';
// Builds and reads protocol messages with the client package's own generated protobuf code, so the
// stand-in speaks exactly the wire format the client expects. This process loads that code once;
// the test process loads its own copy, which is why the stand-in always runs as a child process.
const { Any } = require('google-protobuf/google/protobuf/any_pb');
const { Empty: GoogleEmpty } = require('google-protobuf/google/protobuf/empty_pb');
const shared = require('@eventstore/db-client/generated/shared_pb');
const streams = require('@eventstore/db-client/generated/streams_pb');
const { Status } = require('@eventstore/db-client/generated/status_pb');
const { Code } = require('@eventstore/db-client/generated/code_pb');

function streamName(identifier) {
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

function streamIdentifier(name) {
  return new shared.StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

function uuidText(uuid) {
  if (uuid.hasString()) return uuid.getString();
  const structured = uuid.getStructured();
  const bytes = Buffer.alloc(16);
  bytes.writeBigInt64BE(BigInt(structured.getMostSignificantBits()), 0);
  bytes.writeBigInt64BE(BigInt(structured.getLeastSignificantBits()), 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A proposed message (Append or BatchAppend) as the event log stores it. */
function proposedEvent(message) {
  const metadata = message.getMetadataMap();
  return {
    id: uuidText(message.getId()),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: Buffer.from(message.getData_asU8()),
    metadata: Buffer.from(message.getCustomMetadata_asU8()),
  };
}

/** A stored event as a Read response, positions included (as servers from 22.6 send them). */
function readEventResponse(record) {
  const recorded = new streams.ReadResp.ReadEvent.RecordedEvent()
    .setId(new shared.UUID().setString(record.id))
    .setStreamIdentifier(streamIdentifier(record.streamId))
    .setStreamRevision(String(record.revision))
    .setPreparePosition(String(record.position))
    .setCommitPosition(String(record.position))
    .setData(record.data)
    .setCustomMetadata(record.metadata);
  recorded
    .getMetadataMap()
    .set('type', record.type)
    .set('content-type', record.contentType)
    .set('created', String(record.created));
  const event = new streams.ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(String(record.position));
  return new streams.ReadResp().setEvent(event);
}

function confirmationResponse(subscriptionId) {
  return new streams.ReadResp().setConfirmation(
    new streams.ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId),
  );
}

function checkpointResponse(position) {
  return new streams.ReadResp().setCheckpoint(
    new streams.ReadResp.Checkpoint().setCommitPosition(String(position)).setPreparePosition(String(position)),
  );
}

function caughtUpResponse() {
  return new streams.ReadResp().setCaughtUp(new streams.ReadResp.CaughtUp());
}

function streamNotFoundResponse(name) {
  return new streams.ReadResp().setStreamNotFound(
    new streams.ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name)),
  );
}

/**
 * The BatchAppend conflict: a google.rpc.Status in the response body whose details pack the shared
 * WrongExpectedVersion message (not a gRPC error), like the server's Status.WrongExpectedVersion.
 */
function wrongExpectedVersionStatus(expected, current) {
  const details = new shared.WrongExpectedVersion();
  if (current === undefined) details.setCurrentNoStream(new GoogleEmpty());
  else details.setCurrentStreamRevision(String(current));
  if (expected === 'any') details.setExpectedAny(new GoogleEmpty());
  else if (expected === 'no_stream') details.setExpectedNoStream(new GoogleEmpty());
  else if (expected === 'stream_exists') details.setExpectedStreamExists(new GoogleEmpty());
  else details.setExpectedStreamPosition(String(expected));
  const any = new Any();
  any.pack(details.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  return new Status().setCode(Code.ALREADY_EXISTS).setMessage('WrongExpectedVersion').setDetails(any);
}

function badRequestStatus(message) {
  const any = new Any();
  any.pack(new shared.BadRequest().setMessage(message).serializeBinary(), 'event_store.client.BadRequest');
  return new Status().setCode(Code.INVALID_ARGUMENT).setMessage('BadRequest').setDetails(any);
}

module.exports = {
  shared,
  streams,
  streamName,
  streamIdentifier,
  uuidText,
  proposedEvent,
  readEventResponse,
  confirmationResponse,
  checkpointResponse,
  caughtUpResponse,
  streamNotFoundResponse,
  wrongExpectedVersionStatus,
  badRequestStatus,
};
