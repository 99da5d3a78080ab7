import * as $protobuf from "protobufjs";

export namespace boardcast {

    namespace v1 {

        interface IFrame extends boardcast.v1.Frame.$Properties {
        }

        class Frame {
            constructor(properties?: boardcast.v1.Frame.$Properties);
            $unknowns?: Uint8Array[];
            seq: number;
            epoch: string;
            producedAtUs: number;
            kind: boardcast.v1.FrameKind;
            baseSeq: number;
            snapshot?: (boardcast.v1.Snapshot.$Properties|null);
            control?: (boardcast.v1.Control.$Properties|null);
            static create(properties: boardcast.v1.Frame.$Shape): boardcast.v1.Frame & boardcast.v1.Frame.$Shape;
            static create(properties?: boardcast.v1.Frame.$Properties): boardcast.v1.Frame;
            static encode(message: boardcast.v1.Frame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.Frame & boardcast.v1.Frame.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.Frame;
            static toObject(message: boardcast.v1.Frame, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Frame {
            interface $Properties {
                seq?: (number|null);
                epoch?: (string|null);
                producedAtUs?: (number|null);
                kind?: (boardcast.v1.FrameKind|null);
                baseSeq?: (number|null);
                snapshot?: (boardcast.v1.Snapshot.$Properties|null);
                control?: (boardcast.v1.Control.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              seq?: number|null;
              epoch?: string|null;
              producedAtUs?: number|null;
              kind?: boardcast.v1.FrameKind|null;
              baseSeq?: number|null;
              snapshot?: boardcast.v1.Snapshot.$Shape|null;
              control?: boardcast.v1.Control.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        enum FrameKind {
            FULL = 0,
            DELTA = 1,
            CONTROL = 2
        }

        enum MarketPhase {
            PHASE_UNSPECIFIED = 0,
            PRE_OPEN = 1,
            ATO = 2,
            CONTINUOUS = 3,
            LUNCH_BREAK = 4,
            ATC = 5,
            PUT_THROUGH = 6,
            CLOSED = 7
        }

        interface ISnapshot extends boardcast.v1.Snapshot.$Properties {
        }

        class Snapshot {
            constructor(properties?: boardcast.v1.Snapshot.$Properties);
            $unknowns?: Uint8Array[];
            marketTimeMs: number;
            tradingDate: string;
            phase: boardcast.v1.MarketPhase;
            symbols: boardcast.v1.SymbolState.$Properties[];
            indices: boardcast.v1.IndexState.$Properties[];
            foreign?: (boardcast.v1.ForeignSummary.$Properties|null);
            derivatives?: (boardcast.v1.Derivatives.$Properties|null);
            removedSymbols: string[];
            derivativesPhase: boardcast.v1.MarketPhase;
            feed?: (boardcast.v1.FeedStatus.$Properties|null);
            trades: boardcast.v1.Trade.$Properties[];
            candles: boardcast.v1.Candle.$Properties[];
            alerts: boardcast.v1.Alert.$Properties[];
            static create(properties: boardcast.v1.Snapshot.$Shape): boardcast.v1.Snapshot & boardcast.v1.Snapshot.$Shape;
            static create(properties?: boardcast.v1.Snapshot.$Properties): boardcast.v1.Snapshot;
            static encode(message: boardcast.v1.Snapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.Snapshot & boardcast.v1.Snapshot.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.Snapshot;
            static toObject(message: boardcast.v1.Snapshot, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Snapshot {
            interface $Properties {
                marketTimeMs?: (number|null);
                tradingDate?: (string|null);
                phase?: (boardcast.v1.MarketPhase|null);
                symbols?: (boardcast.v1.SymbolState.$Properties[]|null);
                indices?: (boardcast.v1.IndexState.$Properties[]|null);
                foreign?: (boardcast.v1.ForeignSummary.$Properties|null);
                derivatives?: (boardcast.v1.Derivatives.$Properties|null);
                removedSymbols?: (string[]|null);
                derivativesPhase?: (boardcast.v1.MarketPhase|null);
                feed?: (boardcast.v1.FeedStatus.$Properties|null);
                trades?: (boardcast.v1.Trade.$Properties[]|null);
                candles?: (boardcast.v1.Candle.$Properties[]|null);
                alerts?: (boardcast.v1.Alert.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.Snapshot.$Properties;
        }

        enum TradeSide {
            TRADE_SIDE_UNSPECIFIED = 0,
            ACTIVE_BUY = 1,
            ACTIVE_SELL = 2,
            NEUTRAL = 3
        }

        interface ITrade extends boardcast.v1.Trade.$Properties {
        }

        class Trade {
            constructor(properties?: boardcast.v1.Trade.$Properties);
            $unknowns?: Uint8Array[];
            symbol: string;
            tradeSeq: number;
            price: number;
            volume: number;
            side: boardcast.v1.TradeSide;
            session: boardcast.v1.MarketPhase;
            timeMs: number;
            static create(properties: boardcast.v1.Trade.$Shape): boardcast.v1.Trade & boardcast.v1.Trade.$Shape;
            static create(properties?: boardcast.v1.Trade.$Properties): boardcast.v1.Trade;
            static encode(message: boardcast.v1.Trade.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.Trade & boardcast.v1.Trade.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.Trade;
            static toObject(message: boardcast.v1.Trade, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Trade {
            interface $Properties {
                symbol?: (string|null);
                tradeSeq?: (number|null);
                price?: (number|null);
                volume?: (number|null);
                side?: (boardcast.v1.TradeSide|null);
                session?: (boardcast.v1.MarketPhase|null);
                timeMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.Trade.$Properties;
        }

        interface ICandle extends boardcast.v1.Candle.$Properties {
        }

        class Candle {
            constructor(properties?: boardcast.v1.Candle.$Properties);
            $unknowns?: Uint8Array[];
            symbol: string;
            timeMs: number;
            open: number;
            high: number;
            low: number;
            close: number;
            volume: number;
            buyVolume: number;
            sellVolume: number;
            trades: number;
            closed: boolean;
            static create(properties: boardcast.v1.Candle.$Shape): boardcast.v1.Candle & boardcast.v1.Candle.$Shape;
            static create(properties?: boardcast.v1.Candle.$Properties): boardcast.v1.Candle;
            static encode(message: boardcast.v1.Candle.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.Candle & boardcast.v1.Candle.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.Candle;
            static toObject(message: boardcast.v1.Candle, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Candle {
            interface $Properties {
                symbol?: (string|null);
                timeMs?: (number|null);
                open?: (number|null);
                high?: (number|null);
                low?: (number|null);
                close?: (number|null);
                volume?: (number|null);
                buyVolume?: (number|null);
                sellVolume?: (number|null);
                trades?: (number|null);
                closed?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.Candle.$Properties;
        }

        enum AlertSeverity {
            ALERT_SEVERITY_UNSPECIFIED = 0,
            INFO = 1,
            WARNING = 2,
            CRITICAL = 3
        }

        interface IAlert extends boardcast.v1.Alert.$Properties {
        }

        class Alert {
            constructor(properties?: boardcast.v1.Alert.$Properties);
            $unknowns?: Uint8Array[];
            id: string;
            type: string;
            severity: boardcast.v1.AlertSeverity;
            symbol: string;
            value: number;
            params: { [k: string]: number };
            timeMs: number;
            message: string;
            static create(properties: boardcast.v1.Alert.$Shape): boardcast.v1.Alert & boardcast.v1.Alert.$Shape;
            static create(properties?: boardcast.v1.Alert.$Properties): boardcast.v1.Alert;
            static encode(message: boardcast.v1.Alert.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.Alert & boardcast.v1.Alert.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.Alert;
            static toObject(message: boardcast.v1.Alert, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Alert {
            interface $Properties {
                id?: (string|null);
                type?: (string|null);
                severity?: (boardcast.v1.AlertSeverity|null);
                symbol?: (string|null);
                value?: (number|null);
                params?: ({ [k: string]: number }|null);
                timeMs?: (number|null);
                message?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.Alert.$Properties;
        }

        enum FeedState {
            FEED_STATE_UNSPECIFIED = 0,
            FEED_LIVE = 1,
            FEED_RECONNECTING = 2,
            FEED_STALE = 3,
            FEED_FAILED = 4
        }

        interface IFeedStatus extends boardcast.v1.FeedStatus.$Properties {
        }

        class FeedStatus {
            constructor(properties?: boardcast.v1.FeedStatus.$Properties);
            $unknowns?: Uint8Array[];
            state: boardcast.v1.FeedState;
            lastMessageAgeMs: number;
            static create(properties: boardcast.v1.FeedStatus.$Shape): boardcast.v1.FeedStatus & boardcast.v1.FeedStatus.$Shape;
            static create(properties?: boardcast.v1.FeedStatus.$Properties): boardcast.v1.FeedStatus;
            static encode(message: boardcast.v1.FeedStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.FeedStatus & boardcast.v1.FeedStatus.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.FeedStatus;
            static toObject(message: boardcast.v1.FeedStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace FeedStatus {
            interface $Properties {
                state?: (boardcast.v1.FeedState|null);
                lastMessageAgeMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.FeedStatus.$Properties;
        }

        enum SymbolStatus {
            STATUS_UNSPECIFIED = 0,
            STATUS_NORMAL = 1,
            STATUS_HALTED = 2,
            STATUS_SUSPENDED = 3,
            STATUS_DELISTED = 4,
            STATUS_SPECIAL = 5
        }

        interface IPriceLevel extends boardcast.v1.PriceLevel.$Properties {
        }

        class PriceLevel {
            constructor(properties?: boardcast.v1.PriceLevel.$Properties);
            $unknowns?: Uint8Array[];
            price: number;
            volume: number;
            static create(properties: boardcast.v1.PriceLevel.$Shape): boardcast.v1.PriceLevel & boardcast.v1.PriceLevel.$Shape;
            static create(properties?: boardcast.v1.PriceLevel.$Properties): boardcast.v1.PriceLevel;
            static encode(message: boardcast.v1.PriceLevel.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.PriceLevel & boardcast.v1.PriceLevel.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.PriceLevel;
            static toObject(message: boardcast.v1.PriceLevel, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PriceLevel {
            interface $Properties {
                price?: (number|null);
                volume?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.PriceLevel.$Properties;
        }

        interface IActiveFlow extends boardcast.v1.ActiveFlow.$Properties {
        }

        class ActiveFlow {
            constructor(properties?: boardcast.v1.ActiveFlow.$Properties);
            $unknowns?: Uint8Array[];
            buyVolume: number;
            sellVolume: number;
            neutralVolume: number;
            buyValue: number;
            sellValue: number;
            neutralValue: number;
            static create(properties: boardcast.v1.ActiveFlow.$Shape): boardcast.v1.ActiveFlow & boardcast.v1.ActiveFlow.$Shape;
            static create(properties?: boardcast.v1.ActiveFlow.$Properties): boardcast.v1.ActiveFlow;
            static encode(message: boardcast.v1.ActiveFlow.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.ActiveFlow & boardcast.v1.ActiveFlow.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.ActiveFlow;
            static toObject(message: boardcast.v1.ActiveFlow, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace ActiveFlow {
            interface $Properties {
                buyVolume?: (number|null);
                sellVolume?: (number|null);
                neutralVolume?: (number|null);
                buyValue?: (number|null);
                sellValue?: (number|null);
                neutralValue?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.ActiveFlow.$Properties;
        }

        interface ISymbolForeign extends boardcast.v1.SymbolForeign.$Properties {
        }

        class SymbolForeign {
            constructor(properties?: boardcast.v1.SymbolForeign.$Properties);
            $unknowns?: Uint8Array[];
            buyVolume: number;
            sellVolume: number;
            buyValue: number;
            sellValue: number;
            netVolume: number;
            netValue: number;
            room: number;
            speedPerMinute: number;
            acceleration: number;
            static create(properties: boardcast.v1.SymbolForeign.$Shape): boardcast.v1.SymbolForeign & boardcast.v1.SymbolForeign.$Shape;
            static create(properties?: boardcast.v1.SymbolForeign.$Properties): boardcast.v1.SymbolForeign;
            static encode(message: boardcast.v1.SymbolForeign.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.SymbolForeign & boardcast.v1.SymbolForeign.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.SymbolForeign;
            static toObject(message: boardcast.v1.SymbolForeign, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace SymbolForeign {
            interface $Properties {
                buyVolume?: (number|null);
                sellVolume?: (number|null);
                buyValue?: (number|null);
                sellValue?: (number|null);
                netVolume?: (number|null);
                netValue?: (number|null);
                room?: (number|null);
                speedPerMinute?: (number|null);
                acceleration?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.SymbolForeign.$Properties;
        }

        interface ISymbolState extends boardcast.v1.SymbolState.$Properties {
        }

        class SymbolState {
            constructor(properties?: boardcast.v1.SymbolState.$Properties);
            $unknowns?: Uint8Array[];
            symbol: string;
            lastPrice: number;
            lastVolume: number;
            change: number;
            changePct: number;
            reference: number;
            ceiling: number;
            floor: number;
            open: number;
            high: number;
            low: number;
            bids: boardcast.v1.PriceLevel.$Properties[];
            asks: boardcast.v1.PriceLevel.$Properties[];
            totalVolume: number;
            totalValue: number;
            ato?: (boardcast.v1.ActiveFlow.$Properties|null);
            continuous?: (boardcast.v1.ActiveFlow.$Properties|null);
            atc?: (boardcast.v1.ActiveFlow.$Properties|null);
            foreign?: (boardcast.v1.SymbolForeign.$Properties|null);
            updatedAtMs: number;
            status: boardcast.v1.SymbolStatus;
            projectedPrice: number;
            projectedVolume: number;
            static create(properties: boardcast.v1.SymbolState.$Shape): boardcast.v1.SymbolState & boardcast.v1.SymbolState.$Shape;
            static create(properties?: boardcast.v1.SymbolState.$Properties): boardcast.v1.SymbolState;
            static encode(message: boardcast.v1.SymbolState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.SymbolState & boardcast.v1.SymbolState.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.SymbolState;
            static toObject(message: boardcast.v1.SymbolState, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace SymbolState {
            interface $Properties {
                symbol?: (string|null);
                lastPrice?: (number|null);
                lastVolume?: (number|null);
                change?: (number|null);
                changePct?: (number|null);
                reference?: (number|null);
                ceiling?: (number|null);
                floor?: (number|null);
                open?: (number|null);
                high?: (number|null);
                low?: (number|null);
                bids?: (boardcast.v1.PriceLevel.$Properties[]|null);
                asks?: (boardcast.v1.PriceLevel.$Properties[]|null);
                totalVolume?: (number|null);
                totalValue?: (number|null);
                ato?: (boardcast.v1.ActiveFlow.$Properties|null);
                continuous?: (boardcast.v1.ActiveFlow.$Properties|null);
                atc?: (boardcast.v1.ActiveFlow.$Properties|null);
                foreign?: (boardcast.v1.SymbolForeign.$Properties|null);
                updatedAtMs?: (number|null);
                status?: (boardcast.v1.SymbolStatus|null);
                projectedPrice?: (number|null);
                projectedVolume?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.SymbolState.$Properties;
        }

        interface IIndexPoint extends boardcast.v1.IndexPoint.$Properties {
        }

        class IndexPoint {
            constructor(properties?: boardcast.v1.IndexPoint.$Properties);
            $unknowns?: Uint8Array[];
            timeMs: number;
            value: number;
            static create(properties: boardcast.v1.IndexPoint.$Shape): boardcast.v1.IndexPoint & boardcast.v1.IndexPoint.$Shape;
            static create(properties?: boardcast.v1.IndexPoint.$Properties): boardcast.v1.IndexPoint;
            static encode(message: boardcast.v1.IndexPoint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.IndexPoint & boardcast.v1.IndexPoint.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.IndexPoint;
            static toObject(message: boardcast.v1.IndexPoint, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace IndexPoint {
            interface $Properties {
                timeMs?: (number|null);
                value?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.IndexPoint.$Properties;
        }

        interface IIndexState extends boardcast.v1.IndexState.$Properties {
        }

        class IndexState {
            constructor(properties?: boardcast.v1.IndexState.$Properties);
            $unknowns?: Uint8Array[];
            id: string;
            value: number;
            priorValue: number;
            change: number;
            changePct: number;
            totalVolume: number;
            totalValue: number;
            advances: number;
            declines: number;
            unchanged: number;
            advanceRatio: number;
            intraday: boardcast.v1.IndexPoint.$Properties[];
            ceilings: number;
            floors: number;
            static create(properties: boardcast.v1.IndexState.$Shape): boardcast.v1.IndexState & boardcast.v1.IndexState.$Shape;
            static create(properties?: boardcast.v1.IndexState.$Properties): boardcast.v1.IndexState;
            static encode(message: boardcast.v1.IndexState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.IndexState & boardcast.v1.IndexState.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.IndexState;
            static toObject(message: boardcast.v1.IndexState, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace IndexState {
            interface $Properties {
                id?: (string|null);
                value?: (number|null);
                priorValue?: (number|null);
                change?: (number|null);
                changePct?: (number|null);
                totalVolume?: (number|null);
                totalValue?: (number|null);
                advances?: (number|null);
                declines?: (number|null);
                unchanged?: (number|null);
                advanceRatio?: (number|null);
                intraday?: (boardcast.v1.IndexPoint.$Properties[]|null);
                ceilings?: (number|null);
                floors?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.IndexState.$Properties;
        }

        interface IForeignRank extends boardcast.v1.ForeignRank.$Properties {
        }

        class ForeignRank {
            constructor(properties?: boardcast.v1.ForeignRank.$Properties);
            $unknowns?: Uint8Array[];
            symbol: string;
            netValue: number;
            netVolume: number;
            static create(properties: boardcast.v1.ForeignRank.$Shape): boardcast.v1.ForeignRank & boardcast.v1.ForeignRank.$Shape;
            static create(properties?: boardcast.v1.ForeignRank.$Properties): boardcast.v1.ForeignRank;
            static encode(message: boardcast.v1.ForeignRank.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.ForeignRank & boardcast.v1.ForeignRank.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.ForeignRank;
            static toObject(message: boardcast.v1.ForeignRank, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace ForeignRank {
            interface $Properties {
                symbol?: (string|null);
                netValue?: (number|null);
                netVolume?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.ForeignRank.$Properties;
        }

        interface IForeignSummary extends boardcast.v1.ForeignSummary.$Properties {
        }

        class ForeignSummary {
            constructor(properties?: boardcast.v1.ForeignSummary.$Properties);
            $unknowns?: Uint8Array[];
            buyVolume: number;
            sellVolume: number;
            buyValue: number;
            sellValue: number;
            netVolume: number;
            netValue: number;
            topBuyers: boardcast.v1.ForeignRank.$Properties[];
            topSellers: boardcast.v1.ForeignRank.$Properties[];
            static create(properties: boardcast.v1.ForeignSummary.$Shape): boardcast.v1.ForeignSummary & boardcast.v1.ForeignSummary.$Shape;
            static create(properties?: boardcast.v1.ForeignSummary.$Properties): boardcast.v1.ForeignSummary;
            static encode(message: boardcast.v1.ForeignSummary.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.ForeignSummary & boardcast.v1.ForeignSummary.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.ForeignSummary;
            static toObject(message: boardcast.v1.ForeignSummary, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace ForeignSummary {
            interface $Properties {
                buyVolume?: (number|null);
                sellVolume?: (number|null);
                buyValue?: (number|null);
                sellValue?: (number|null);
                netVolume?: (number|null);
                netValue?: (number|null);
                topBuyers?: (boardcast.v1.ForeignRank.$Properties[]|null);
                topSellers?: (boardcast.v1.ForeignRank.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.ForeignSummary.$Properties;
        }

        interface IDerivatives extends boardcast.v1.Derivatives.$Properties {
        }

        class Derivatives {
            constructor(properties?: boardcast.v1.Derivatives.$Properties);
            $unknowns?: Uint8Array[];
            symbol: string;
            expiryDate: string;
            last: number;
            change: number;
            changePct: number;
            reference: number;
            totalVolume: number;
            bid: number;
            ask: number;
            basis: number;
            basisPct: number;
            premium: boardcast.v1.Premium;
            openInterest: number;
            feedCode: string;
            static create(properties: boardcast.v1.Derivatives.$Shape): boardcast.v1.Derivatives & boardcast.v1.Derivatives.$Shape;
            static create(properties?: boardcast.v1.Derivatives.$Properties): boardcast.v1.Derivatives;
            static encode(message: boardcast.v1.Derivatives.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.Derivatives & boardcast.v1.Derivatives.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.Derivatives;
            static toObject(message: boardcast.v1.Derivatives, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Derivatives {
            interface $Properties {
                symbol?: (string|null);
                expiryDate?: (string|null);
                last?: (number|null);
                change?: (number|null);
                changePct?: (number|null);
                reference?: (number|null);
                totalVolume?: (number|null);
                bid?: (number|null);
                ask?: (number|null);
                basis?: (number|null);
                basisPct?: (number|null);
                premium?: (boardcast.v1.Premium|null);
                openInterest?: (number|null);
                feedCode?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.Derivatives.$Properties;
        }

        enum Premium {
            PREMIUM_UNSPECIFIED = 0,
            PREMIUM = 1,
            DISCOUNT = 2,
            PAR = 3
        }

        interface IClientMessage extends boardcast.v1.ClientMessage.$Properties {
        }

        class ClientMessage {
            constructor(properties?: boardcast.v1.ClientMessage.$Properties);
            $unknowns?: Uint8Array[];
            version: number;
            subscribe?: (boardcast.v1.Subscribe.$Properties|null);
            unsubscribe?: (boardcast.v1.Unsubscribe.$Properties|null);
            resync?: (boardcast.v1.Resync.$Properties|null);
            ping?: (boardcast.v1.Ping.$Properties|null);
            body?: ("subscribe"|"unsubscribe"|"resync"|"ping");
            static create(properties: boardcast.v1.ClientMessage.$Shape): boardcast.v1.ClientMessage & boardcast.v1.ClientMessage.$Shape;
            static create(properties?: boardcast.v1.ClientMessage.$Properties): boardcast.v1.ClientMessage;
            static encode(message: boardcast.v1.ClientMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.ClientMessage & boardcast.v1.ClientMessage.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.ClientMessage;
            static toObject(message: boardcast.v1.ClientMessage, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClientMessage {
            interface $Properties {
                version?: (number|null);
                subscribe?: (boardcast.v1.Subscribe.$Properties|null);
                unsubscribe?: (boardcast.v1.Unsubscribe.$Properties|null);
                resync?: (boardcast.v1.Resync.$Properties|null);
                ping?: (boardcast.v1.Ping.$Properties|null);
                body?: ("subscribe"|"unsubscribe"|"resync"|"ping");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              version?: number|null;
              subscribe?: boardcast.v1.Subscribe.$Shape|null;
              unsubscribe?: boardcast.v1.Unsubscribe.$Shape|null;
              resync?: boardcast.v1.Resync.$Shape|null;
              ping?: boardcast.v1.Ping.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; subscribe?: null; unsubscribe?: null; resync?: null; ping?: null }|{ body?: "subscribe"; subscribe: boardcast.v1.Subscribe.$Shape; unsubscribe?: null; resync?: null; ping?: null }|{ body?: "unsubscribe"; subscribe?: null; unsubscribe: boardcast.v1.Unsubscribe.$Shape; resync?: null; ping?: null }|{ body?: "resync"; subscribe?: null; unsubscribe?: null; resync: boardcast.v1.Resync.$Shape; ping?: null }|{ body?: "ping"; subscribe?: null; unsubscribe?: null; resync?: null; ping: boardcast.v1.Ping.$Shape })
            );
        }

        interface ISubscribe extends boardcast.v1.Subscribe.$Properties {
        }

        class Subscribe {
            constructor(properties?: boardcast.v1.Subscribe.$Properties);
            $unknowns?: Uint8Array[];
            channels: string[];
            symbols: string[];
            board: string;
            static create(properties: boardcast.v1.Subscribe.$Shape): boardcast.v1.Subscribe & boardcast.v1.Subscribe.$Shape;
            static create(properties?: boardcast.v1.Subscribe.$Properties): boardcast.v1.Subscribe;
            static encode(message: boardcast.v1.Subscribe.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.Subscribe & boardcast.v1.Subscribe.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.Subscribe;
            static toObject(message: boardcast.v1.Subscribe, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Subscribe {
            interface $Properties {
                channels?: (string[]|null);
                symbols?: (string[]|null);
                board?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.Subscribe.$Properties;
        }

        interface IUnsubscribe extends boardcast.v1.Unsubscribe.$Properties {
        }

        class Unsubscribe {
            constructor(properties?: boardcast.v1.Unsubscribe.$Properties);
            $unknowns?: Uint8Array[];
            channels: string[];
            symbols: string[];
            static create(properties: boardcast.v1.Unsubscribe.$Shape): boardcast.v1.Unsubscribe & boardcast.v1.Unsubscribe.$Shape;
            static create(properties?: boardcast.v1.Unsubscribe.$Properties): boardcast.v1.Unsubscribe;
            static encode(message: boardcast.v1.Unsubscribe.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.Unsubscribe & boardcast.v1.Unsubscribe.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.Unsubscribe;
            static toObject(message: boardcast.v1.Unsubscribe, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Unsubscribe {
            interface $Properties {
                channels?: (string[]|null);
                symbols?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.Unsubscribe.$Properties;
        }

        interface IResync extends boardcast.v1.Resync.$Properties {
        }

        class Resync {
            constructor(properties?: boardcast.v1.Resync.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: boardcast.v1.Resync.$Shape): boardcast.v1.Resync & boardcast.v1.Resync.$Shape;
            static create(properties?: boardcast.v1.Resync.$Properties): boardcast.v1.Resync;
            static encode(message: boardcast.v1.Resync.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.Resync & boardcast.v1.Resync.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.Resync;
            static toObject(message: boardcast.v1.Resync, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Resync {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.Resync.$Properties;
        }

        interface IPing extends boardcast.v1.Ping.$Properties {
        }

        class Ping {
            constructor(properties?: boardcast.v1.Ping.$Properties);
            $unknowns?: Uint8Array[];
            clientTimeUs: number;
            static create(properties: boardcast.v1.Ping.$Shape): boardcast.v1.Ping & boardcast.v1.Ping.$Shape;
            static create(properties?: boardcast.v1.Ping.$Properties): boardcast.v1.Ping;
            static encode(message: boardcast.v1.Ping.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.Ping & boardcast.v1.Ping.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.Ping;
            static toObject(message: boardcast.v1.Ping, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Ping {
            interface $Properties {
                clientTimeUs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.Ping.$Properties;
        }

        interface IControl extends boardcast.v1.Control.$Properties {
        }

        class Control {
            constructor(properties?: boardcast.v1.Control.$Properties);
            $unknowns?: Uint8Array[];
            error?: (boardcast.v1.Error.$Properties|null);
            pong?: (boardcast.v1.Pong.$Properties|null);
            body?: ("error"|"pong");
            static create(properties: boardcast.v1.Control.$Shape): boardcast.v1.Control & boardcast.v1.Control.$Shape;
            static create(properties?: boardcast.v1.Control.$Properties): boardcast.v1.Control;
            static encode(message: boardcast.v1.Control.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.Control & boardcast.v1.Control.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.Control;
            static toObject(message: boardcast.v1.Control, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Control {
            interface $Properties {
                error?: (boardcast.v1.Error.$Properties|null);
                pong?: (boardcast.v1.Pong.$Properties|null);
                body?: ("error"|"pong");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              error?: boardcast.v1.Error.$Shape|null;
              pong?: boardcast.v1.Pong.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; error?: null; pong?: null }|{ body?: "error"; error: boardcast.v1.Error.$Shape; pong?: null }|{ body?: "pong"; error?: null; pong: boardcast.v1.Pong.$Shape })
            );
        }

        interface IError extends boardcast.v1.Error.$Properties {
        }

        class Error {
            constructor(properties?: boardcast.v1.Error.$Properties);
            $unknowns?: Uint8Array[];
            code: string;
            message: string;
            static create(properties: boardcast.v1.Error.$Shape): boardcast.v1.Error & boardcast.v1.Error.$Shape;
            static create(properties?: boardcast.v1.Error.$Properties): boardcast.v1.Error;
            static encode(message: boardcast.v1.Error.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.Error & boardcast.v1.Error.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.Error;
            static toObject(message: boardcast.v1.Error, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Error {
            interface $Properties {
                code?: (string|null);
                message?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.Error.$Properties;
        }

        interface IPong extends boardcast.v1.Pong.$Properties {
        }

        class Pong {
            constructor(properties?: boardcast.v1.Pong.$Properties);
            $unknowns?: Uint8Array[];
            clientTimeUs: number;
            serverTimeUs: number;
            static create(properties: boardcast.v1.Pong.$Shape): boardcast.v1.Pong & boardcast.v1.Pong.$Shape;
            static create(properties?: boardcast.v1.Pong.$Properties): boardcast.v1.Pong;
            static encode(message: boardcast.v1.Pong.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): boardcast.v1.Pong & boardcast.v1.Pong.$Shape;
            static fromObject(object: { [k: string]: any }): boardcast.v1.Pong;
            static toObject(message: boardcast.v1.Pong, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Pong {
            interface $Properties {
                clientTimeUs?: (number|null);
                serverTimeUs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = boardcast.v1.Pong.$Properties;
        }
    }
}
