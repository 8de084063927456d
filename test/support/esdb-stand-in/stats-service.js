'use strict';
// A tiny status RPC of the stand-in itself (not part of EventStoreDB's protocol): how often each RPC
// was called and how many events the log holds, so tests can prove which path the client took.
// Messages are JSON; test/support/esdb-stand-in/start.ts calls it by the same path.
const json = {
  serialize: (value) => Buffer.from(JSON.stringify(value ?? {})),
  deserialize: (buffer) => (buffer.length === 0 ? {} : JSON.parse(buffer.toString('utf8'))),
};

const StandInStatsService = {
  getStats: {
    path: '/esdb_stand_in.StandIn/GetStats',
    requestStream: false,
    responseStream: false,
    requestSerialize: json.serialize,
    requestDeserialize: json.deserialize,
    responseSerialize: json.serialize,
    responseDeserialize: json.deserialize,
  },
};

/** Counts calls per RPC name, e.g. "Streams.BatchAppend". */
class CallCounter {
  constructor() {
    this.calls = {};
  }

  /** Wraps a gRPC handler so every call to it is counted under `name`. */
  counted(name, handler) {
    return (...args) => {
      this.calls[name] = (this.calls[name] ?? 0) + 1;
      return handler(...args);
    };
  }
}

module.exports = { StandInStatsService, CallCounter };
