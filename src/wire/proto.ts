// The generated protobuf code for proto/boardcast.proto, with short names for its types.
import $protobuf from 'protobufjs/minimal.js';
import { boardcast } from './gen/boardcast.js';

// 64-bit fields (seq, base_seq, produced_at_us) decode as plain numbers, not Long objects:
// every value boardcast sends is below 2^53. protobufjs decodes to Long whenever the
// `long` package is present, so it is switched off here, once, for the whole process.
$protobuf.util.Long = undefined as unknown as typeof $protobuf.util.Long;
$protobuf.configure();

export const pb = boardcast.v1;
export type FrameProps = boardcast.v1.Frame.$Properties;
export type SnapshotProps = boardcast.v1.Snapshot.$Properties;
export type SymbolStateProps = boardcast.v1.SymbolState.$Properties;
export type IndexStateProps = boardcast.v1.IndexState.$Properties;
export type IndexPointProps = boardcast.v1.IndexPoint.$Properties;
export type ForeignSummaryProps = boardcast.v1.ForeignSummary.$Properties;
export type DerivativesProps = boardcast.v1.Derivatives.$Properties;
export type ActiveFlowProps = boardcast.v1.ActiveFlow.$Properties;
export type SymbolForeignProps = boardcast.v1.SymbolForeign.$Properties;
export type ClientMessageProps = boardcast.v1.ClientMessage.$Properties;
export type FeedStatusProps = boardcast.v1.FeedStatus.$Properties;
export type TradeProps = boardcast.v1.Trade.$Properties;
export type CandleProps = boardcast.v1.Candle.$Properties;
export const TradeSide = boardcast.v1.TradeSide;
export type TradeSide = boardcast.v1.TradeSide;
export const FrameKind = boardcast.v1.FrameKind;
export const MarketPhase = boardcast.v1.MarketPhase;
export const Premium = boardcast.v1.Premium;
export const FeedState = boardcast.v1.FeedState;
export type FeedState = boardcast.v1.FeedState;
export const SymbolStatus = boardcast.v1.SymbolStatus;
export const AlertSeverity = boardcast.v1.AlertSeverity;
export type AlertProps = boardcast.v1.Alert.$Properties;
export type SymbolStatus = boardcast.v1.SymbolStatus;
export type MarketPhase = boardcast.v1.MarketPhase;
