'use strict';
// ServerFeatures.GetSupportedMethods: the client asks once per connection, before its first append,
// and takes the Streams.BatchAppend path only when the server lists it, as EventStoreDB 21.10+ does.
const { SupportedMethods, SupportedMethod } = require('@eventstore/db-client/generated/serverfeatures_pb');

// The server version whose protocol the stand-in imitates (the image in docker-compose.yml).
const IMITATED_SERVER_VERSION = '24.10.0';

const METHODS = [
  { service: 'event_store.client.streams.streams', method: 'read', features: ['position', 'events'] },
  { service: 'event_store.client.streams.streams', method: 'append', features: [] },
  { service: 'event_store.client.streams.streams', method: 'batchappend', features: ['deadline_duration'] },
  { service: 'event_store.client.server_features.serverfeatures', method: 'getsupportedmethods', features: [] },
];

function getSupportedMethods(_call, callback) {
  const supported = new SupportedMethods().setEventStoreServerVersion(IMITATED_SERVER_VERSION);
  for (const { service, method, features } of METHODS) {
    supported.addMethods(new SupportedMethod().setServiceName(service).setMethodName(method).setFeaturesList(features));
  }
  callback(null, supported);
}

module.exports = { getSupportedMethods };
