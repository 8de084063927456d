/** Longest stream id in UTF-8 bytes: it must fit in an lmdb key (at most 1978 bytes) with its revision. */
const MAX_STREAM_ID_BYTES = 1024;

/**
 * Stream ids are keys in lmdb's ordered-binary encoding, which uses the NUL character as a separator.
 * Ids come from code (e.g. `holds-<titleId>`), so a bad one is a programming error, not a store failure.
 */
export function assertValidStreamId(streamId: string): void {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new RangeError('stream id must be a non-empty string');
  }
  if (streamId.includes('\u0000')) {
    throw new RangeError(`stream id ${JSON.stringify(streamId)} contains a NUL character`);
  }
  if (Buffer.byteLength(streamId, 'utf8') > MAX_STREAM_ID_BYTES) {
    throw new RangeError(`stream id ${streamId.slice(0, 40)}… is longer than ${MAX_STREAM_ID_BYTES} bytes`);
  }
}
