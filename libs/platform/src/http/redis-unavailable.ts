/**
 * What ioredis rejects a command with when the server cannot be reached: the reconnection attempts a command may
 * wait for ran out (`maxRetriesPerRequest`), or the connection closed with the command queued. ioredis does not
 * export these classes, so they are told by name and message.
 */
const CONNECTION_MESSAGES = ['Connection is closed.', "Stream isn't writeable and enableOfflineQueue options is false"];

export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'MaxRetriesPerRequestError' || CONNECTION_MESSAGES.includes(error.message) || /^connect (ECONNREFUSED|ETIMEDOUT)/.test(error.message);
}
