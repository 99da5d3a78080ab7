// The wire formats a socket may ask for (?format=): protobuf binary or the protobuf JSON mapping.
export const WIRE_FORMATS = ['proto', 'json'] as const;
export type WireFormat = (typeof WIRE_FORMATS)[number];
