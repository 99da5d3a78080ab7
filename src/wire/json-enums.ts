// The protobuf JSON mapping writes enums by name. The processor builds snapshots with enum
// numbers (what the protobuf encoder wants), so the JSON encoders convert the enum fields
// of the parts that carry one: a symbol row's status and the feed status.
import { FeedState, SymbolStatus, type FeedStatusProps, type SymbolStateProps } from './proto.js';

/** A symbol row in the JSON mapping (its status by name). */
export function jsonSymbol(row: SymbolStateProps): Record<string, unknown> {
  return { ...row, status: SymbolStatus[row.status ?? 0] };
}

/** The feed status in the JSON mapping (its state by name). */
export function jsonFeed(feed: FeedStatusProps): Record<string, unknown> {
  return { ...feed, state: FeedState[feed.state ?? 0] };
}
