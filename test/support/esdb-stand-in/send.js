'use strict';
// Writes one response on a server stream and waits for the transport to take it when its buffer is
// full, so a slow reader slows the stand-in down (HTTP/2 flow control) instead of growing memory.

/** @returns {Promise<boolean>} false once the call was cancelled */
function send(call, message) {
  if (call.cancelled) return Promise.resolve(false);
  if (call.write(message)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('cancelled', done);
      resolve(!call.cancelled);
    };
    call.once('drain', done);
    call.once('cancelled', done);
  });
}

/** Resolves on the next append to the log, or when the call is cancelled. */
function nextAppend(log, call) {
  return new Promise((resolve) => {
    const done = () => {
      log.off('appended', done);
      call.off('cancelled', done);
      resolve();
    };
    log.once('appended', done);
    call.once('cancelled', done);
  });
}

module.exports = { send, nextAppend };
