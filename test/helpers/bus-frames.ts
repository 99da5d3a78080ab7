// Building bad frame messages for the bus tests: a real message with its JSON header edited
// (the parts left as they are), as a forger with publish rights would.
const utf8 = new TextEncoder();

export function editHeader(good: Uint8Array, edit: (h: Record<string, any>) => void): Uint8Array {
  const view = new DataView(good.buffer, good.byteOffset, good.byteLength);
  const len = view.getUint32(4, true);
  const h = JSON.parse(new TextDecoder().decode(good.subarray(8, 8 + len)));
  edit(h);
  const head = utf8.encode(JSON.stringify(h));
  const rest = good.subarray(8 + len);
  const out = new Uint8Array(8 + head.byteLength + rest.byteLength);
  out.set(good.subarray(0, 4));
  new DataView(out.buffer).setUint32(4, head.byteLength, true);
  out.set(head, 8);
  out.set(rest, 8 + head.byteLength);
  return out;
}

/** A tiny seeded PRNG (mulberry32): the same "random" bytes on every run. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
