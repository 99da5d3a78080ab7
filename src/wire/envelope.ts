// The Frame envelope around a snapshot or a control message, in both wire formats: seq,
// epoch, producedAtUs, kind, baseSeq. In the JSON mapping the 64-bit integers are strings.
import { pb, FrameKind } from './proto.js';

export type FrameKindName = keyof typeof FrameKind;

export interface FrameMeta {
  seq: number;
  epoch: string;
  producedAtUs: number;
}

/** The protobuf envelope's fields (no snapshot, no control): a prefix the body is appended to. */
export function protoEnvelope(meta: FrameMeta, kind: FrameKindName, baseSeq: number): Uint8Array {
  return pb.Frame.encode({ seq: meta.seq, epoch: meta.epoch, producedAtUs: meta.producedAtUs, kind: FrameKind[kind], baseSeq }).finish();
}

/** The JSON mapping of the envelope's fields, in the order every JSON frame carries them. */
export function jsonEnvelope(meta: FrameMeta, kind: FrameKindName, baseSeq: number): { seq: string; epoch: string; producedAtUs: string; kind: FrameKindName; baseSeq: string } {
  return { seq: String(meta.seq), epoch: meta.epoch, producedAtUs: String(meta.producedAtUs), kind, baseSeq: String(baseSeq) };
}

/** The text of a JSON frame up to its body: the envelope's members and `,"<member>":` open. */
export function jsonEnvelopeHead(meta: FrameMeta, kind: FrameKindName, baseSeq: number, member: 'snapshot' | 'control'): string {
  return `${JSON.stringify(jsonEnvelope(meta, kind, baseSeq)).slice(0, -1)},"${member}":`;
}
