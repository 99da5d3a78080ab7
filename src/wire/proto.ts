// The generated protobuf code for proto/boardcast.proto, with short names for its types.
import { boardcast } from './gen/boardcast.js';

export const pb = boardcast.v1;
export type FrameProps = boardcast.v1.Frame.$Properties;
export type SnapshotProps = boardcast.v1.Snapshot.$Properties;
export type SymbolStateProps = boardcast.v1.SymbolState.$Properties;
export type IndexStateProps = boardcast.v1.IndexState.$Properties;
export type ForeignSummaryProps = boardcast.v1.ForeignSummary.$Properties;
export type DerivativesProps = boardcast.v1.Derivatives.$Properties;
export type ActiveFlowProps = boardcast.v1.ActiveFlow.$Properties;
export type SymbolForeignProps = boardcast.v1.SymbolForeign.$Properties;
export type ClientMessageProps = boardcast.v1.ClientMessage.$Properties;
export const FrameKind = boardcast.v1.FrameKind;
export const MarketPhase = boardcast.v1.MarketPhase;
export const Premium = boardcast.v1.Premium;
export type MarketPhase = boardcast.v1.MarketPhase;
