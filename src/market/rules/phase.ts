// The market phases as plain numbers: the same values as the wire's `MarketPhase` enum
// (proto/boardcast.proto; test/market/phase.test.ts holds them equal), declared here so the
// exchange rules load without the protobuf runtime — src/wire/proto.ts configures
// protobufjs for the whole process, which no rule should do as a side effect.

export const MarketPhase = {
  PHASE_UNSPECIFIED: 0,
  PRE_OPEN: 1,
  ATO: 2,
  CONTINUOUS: 3,
  LUNCH_BREAK: 4,
  ATC: 5,
  PUT_THROUGH: 6,
  CLOSED: 7,
} as const;

export type MarketPhase = (typeof MarketPhase)[keyof typeof MarketPhase];
