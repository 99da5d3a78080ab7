// Assembles a protobuf message from pre-encoded chunks with a single allocation. A
// protobuf message is the concatenation of its fields, and an embedded message field is
// its tag, its length as a varint and its bytes; so cached encodings of unchanged parts
// can be spliced in without re-encoding, and without the intermediate copies a growing
// writer makes (at ~24 KB a frame those allocations were the encoder's main cost).

import { varintSize, writeVarint } from './varint.js';

type Op = { raw: Uint8Array } | { tag: number; parts: ReadonlyArray<Uint8Array | ByteAssembler>; contentLength: number };

export class ByteAssembler {
  private readonly ops: Op[] = [];
  /** Bytes written so far: the offset the next chunk or field starts at. */
  length = 0;

  /** Appends bytes as they are (already tagged fields). */
  raw(bytes: Uint8Array): this {
    if (bytes.length > 0) {
      this.ops.push({ raw: bytes });
      this.length += bytes.length;
    }
    return this;
  }

  /**
   * Appends one length-delimited field whose content is the concatenation of `parts`.
   * `tag` is field number << 3 | 2 and must be below 128 (every tag boardcast writes is).
   * Returns the field's [offset, length], tag included.
   */
  field(tag: number, ...parts: Array<Uint8Array | ByteAssembler>): [number, number] {
    let contentLength = 0;
    for (const p of parts) contentLength += p.length;
    const start = this.length;
    this.ops.push({ tag, parts, contentLength });
    this.length += 1 + varintSize(contentLength) + contentLength;
    return [start, this.length - start];
  }

  /** The assembled bytes, in an ArrayBuffer of their own (safe to transfer). */
  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    this.writeInto(out, 0);
    return out;
  }

  private writeInto(out: Uint8Array, pos: number): number {
    for (const op of this.ops) {
      if ('raw' in op) {
        out.set(op.raw, pos);
        pos += op.raw.length;
        continue;
      }
      out[pos++] = op.tag;
      pos = writeVarint(out, pos, op.contentLength);
      for (const p of op.parts) {
        if (p instanceof ByteAssembler) pos = p.writeInto(out, pos);
        else {
          out.set(p, pos);
          pos += p.length;
        }
      }
    }
    return pos;
  }
}
