// The few pieces of the protobuf wire format that boardcast writes by hand: base-128
// varints and the tags of the length-delimited fields it splices pre-encoded bytes into.

/** Field tags (field number << 3 | wire type 2) of the embedded messages written by hand. */
export const TAG = {
  FRAME_SNAPSHOT: (6 << 3) | 2,
  SNAPSHOT_SYMBOLS: (4 << 3) | 2,
  SNAPSHOT_INDICES: (5 << 3) | 2,
  SNAPSHOT_FOREIGN: (6 << 3) | 2,
  SNAPSHOT_DERIVATIVES: (7 << 3) | 2,
  SNAPSHOT_TRADES: (11 << 3) | 2,
  SNAPSHOT_CANDLES: (12 << 3) | 2,
  SNAPSHOT_ALERTS: (13 << 3) | 2,
  INDEX_INTRADAY: (12 << 3) | 2,
} as const;

/** Bytes the varint of `n` takes (n below 2^32). */
export const varintSize = (n: number) => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5);

/** Writes the varint of `n` at `pos`; returns the position after it. */
export function writeVarint(buf: Uint8Array, pos: number, n: number): number {
  while (n > 0x7f) {
    buf[pos++] = (n & 0x7f) | 0x80;
    n >>>= 7;
  }
  buf[pos++] = n;
  return pos;
}

/** A length-delimited field's head: its tag, then the varint of the content's length. */
export function fieldHead(tag: number, contentLength: number): Uint8Array {
  const out = new Uint8Array(1 + varintSize(contentLength));
  out[0] = tag;
  writeVarint(out, 1, contentLength);
  return out;
}
