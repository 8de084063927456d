/**
 * Global positions as lmdb keys: 8-byte big-endian unsigned integers, so the byte order lmdb keeps
 * is the numeric order of the positions and $all reads are plain key-range scans.
 */
const KEY_BYTES = 8;

export function positionToKey(position: bigint): Buffer {
  const key = Buffer.allocUnsafe(KEY_BYTES);
  key.writeBigUInt64BE(position);
  return key;
}

export function keyToPosition(key: Uint8Array): bigint {
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength).readBigUInt64BE();
}
