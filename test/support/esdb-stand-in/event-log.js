'use strict';
// The stand-in's storage: one in-memory log of every event, in $all order, with an index per stream.
// Test-only protocol stand-in, NOT EventStoreDB: no chunks, no scavenging, no system streams, no ACLs.
// With a data file every append is also written as JSON lines before it is acknowledged, so a
// stand-in restarted on the same file comes back with the same events, revisions and positions.
const { EventEmitter } = require('node:events');
const { appendFileSync, existsSync, readFileSync } = require('node:fs');

// Positions imitate a transaction-file offset: they grow by a record's size, so they are strictly
// increasing but not dense, and the first event is not at 0 (a real log starts with system records).
const FIRST_POSITION = 1024n;
const RECORD_HEADER_BYTES = 96n;

class EventLog extends EventEmitter {
  /** @param {string | undefined} dataFile */
  constructor(dataFile) {
    super();
    this.setMaxListeners(0);
    this.dataFile = dataFile;
    /** @type {Array<StoredEvent>} */
    this.events = [];
    /** @type {Map<string, number[]>} indexes into `events`, by stream */
    this.streams = new Map();
    this.nextPosition = FIRST_POSITION;
    if (dataFile && existsSync(dataFile)) this.load(dataFile);
  }

  load(dataFile) {
    for (const line of readFileSync(dataFile, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      this.add(decode(JSON.parse(line)));
    }
  }

  /**
   * Appends atomically, or reports the conflict. Re-sending the exact events (same ids) that already
   * follow the expected revision succeeds without writing again, as EventStoreDB's idempotent writes do.
   * @param {string} streamId
   * @param {bigint | 'any' | 'no_stream' | 'stream_exists'} expected
   * @param {Array<{ id: string, type: string, contentType: string, data: Buffer, metadata: Buffer }>} proposed
   * @returns {{ ok: true, revision: bigint, position: bigint | undefined } | { ok: false, current: bigint | undefined }}
   */
  append(streamId, expected, proposed) {
    const indexes = this.streams.get(streamId) ?? [];
    const current = indexes.length === 0 ? undefined : BigInt(indexes.length - 1);
    const replay = this.idempotentReplay(indexes, expected, proposed);
    if (replay) return replay;
    if (!satisfies(expected, current)) return { ok: false, current };
    if (proposed.length === 0) return { ok: true, revision: current ?? -1n, position: undefined };

    const created = BigInt(Date.now()) * 10000n;
    const records = proposed.map((message, i) => {
      const record = {
        streamId,
        revision: BigInt(indexes.length + i),
        id: message.id,
        type: message.type,
        contentType: message.contentType,
        data: message.data,
        metadata: message.metadata,
        position: this.nextPosition,
        created,
      };
      this.nextPosition += recordSize(record);
      return record;
    });
    if (this.dataFile) appendFileSync(this.dataFile, records.map((r) => JSON.stringify(encode(r)) + '\n').join(''));
    for (const record of records) this.add(record);
    this.emit('appended');
    const last = records[records.length - 1];
    return { ok: true, revision: last.revision, position: last.position };
  }

  idempotentReplay(indexes, expected, proposed) {
    if (proposed.length === 0) return undefined;
    let from;
    if (typeof expected === 'bigint') from = Number(expected) + 1;
    else if (expected === 'no_stream') from = 0;
    else from = indexes.findIndex((index) => this.events[index].id === proposed[0].id);
    if (from < 0 || from + proposed.length > indexes.length) return undefined;
    const same = proposed.every((message, i) => this.events[indexes[from + i]].id === message.id);
    if (!same) return undefined;
    const last = this.events[indexes[from + proposed.length - 1]];
    return { ok: true, revision: last.revision, position: last.position };
  }

  add(record) {
    const indexes = this.streams.get(record.streamId) ?? [];
    indexes.push(this.events.length);
    this.streams.set(record.streamId, indexes);
    this.events.push(record);
    this.nextPosition = record.position + recordSize(record);
  }

  /** @returns {StoredEvent[] | undefined} the stream's events in revision order, undefined when it has none */
  stream(streamId) {
    const indexes = this.streams.get(streamId);
    return indexes?.map((index) => this.events[index]);
  }

  /** Index in `events` of the first event at or after `position`. */
  indexAtOrAfter(position) {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.events[mid].position < position) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function satisfies(expected, current) {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === undefined;
  if (expected === 'stream_exists') return current !== undefined;
  return current === expected;
}

function recordSize(record) {
  return RECORD_HEADER_BYTES + BigInt(record.data.length + record.metadata.length + record.type.length + record.streamId.length);
}

function encode(record) {
  return {
    ...record,
    revision: String(record.revision),
    position: String(record.position),
    created: String(record.created),
    data: record.data.toString('base64'),
    metadata: record.metadata.toString('base64'),
  };
}

function decode(line) {
  return {
    ...line,
    revision: BigInt(line.revision),
    position: BigInt(line.position),
    created: BigInt(line.created),
    data: Buffer.from(line.data, 'base64'),
    metadata: Buffer.from(line.metadata, 'base64'),
  };
}

/**
 * @typedef {{ streamId: string, revision: bigint, id: string, type: string, contentType: string,
 *   data: Buffer, metadata: Buffer, position: bigint, created: bigint }} StoredEvent
 */

module.exports = { EventLog };
