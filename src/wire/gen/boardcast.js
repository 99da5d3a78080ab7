/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $String = $util.global.String, $BigInt = $util.global.BigInt, $Array = $util.global.Array, $isFinite = $util.global.isFinite, $Boolean = $util.global.Boolean;

const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const boardcast = $root.boardcast = (() => {

    const boardcast = {};

    boardcast.v1 = (function() {

        const v1 = {};

        v1.Frame = (function() {

            const Frame = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Frame.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Frame.prototype.epoch = "";
            Frame.prototype.producedAtUs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Frame.prototype.kind = 0;
            Frame.prototype.baseSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Frame.prototype.snapshot = null;
            Frame.prototype.control = null;

            Frame.create = function(properties) {
                return new Frame(properties);
            };

            Frame.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(8).uint64(message.seq);
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && message.epoch !== "")
                    writer.uint32(18).string(message.epoch);
                if (message.producedAtUs != null && $Object.hasOwnProperty.call(message, "producedAtUs") && (typeof message.producedAtUs === "object" ? message.producedAtUs.low || message.producedAtUs.high : message.producedAtUs !== 0))
                    writer.uint32(24).int64(message.producedAtUs);
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                    writer.uint32(32).int32(message.kind);
                if (message.baseSeq != null && $Object.hasOwnProperty.call(message, "baseSeq") && (typeof message.baseSeq === "object" ? message.baseSeq.low || message.baseSeq.high : message.baseSeq !== 0))
                    writer.uint32(40).uint64(message.baseSeq);
                if (message.snapshot != null && $Object.hasOwnProperty.call(message, "snapshot"))
                    $root.boardcast.v1.Snapshot.encode(message.snapshot, writer.uint32(50).fork(), _depth + 1).ldelim();
                if (message.control != null && $Object.hasOwnProperty.call(message, "control"))
                    $root.boardcast.v1.Control.encode(message.control, writer.uint32(58).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Frame.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.Frame();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.epoch = value;
                            else
                                delete message.epoch;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.producedAtUs = value;
                            else
                                delete message.producedAtUs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.kind = value;
                            else
                                delete message.kind;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.baseSeq = value;
                            else
                                delete message.baseSeq;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.snapshot = $root.boardcast.v1.Snapshot.decode(reader, reader.size(), $undefined, _depth + 1, message.snapshot);
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.control = $root.boardcast.v1.Control.decode(reader, reader.size(), $undefined, _depth + 1, message.control);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Frame.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.Frame)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.Frame: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.Frame();
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, true);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.epoch != null)
                    if (typeof object.epoch !== "string" || object.epoch.length)
                        message.epoch = $String(object.epoch);
                if (object.producedAtUs != null)
                    if (typeof object.producedAtUs === "object" ? object.producedAtUs.low || object.producedAtUs.high : $Number(object.producedAtUs) !== 0)
                        if ($util.Long)
                            message.producedAtUs = $util.Long.fromValue(object.producedAtUs, false);
                        else if (typeof object.producedAtUs === "string")
                            message.producedAtUs = $parseInt(object.producedAtUs, 10);
                        else if (typeof object.producedAtUs === "number")
                            message.producedAtUs = object.producedAtUs;
                        else if (typeof object.producedAtUs === "object")
                            message.producedAtUs = new $util.LongBits(object.producedAtUs.low >>> 0, object.producedAtUs.high >>> 0).toNumber();
                if (object.kind !== 0 && (typeof object.kind !== "string" || $root.boardcast.v1.FrameKind[object.kind] !== 0))
                    switch (object.kind) {
                    case "FULL":
                    case 0:
                        message.kind = 0;
                        break;
                    case "DELTA":
                    case 1:
                        message.kind = 1;
                        break;
                    case "CONTROL":
                    case 2:
                        message.kind = 2;
                        break;
                    default:
                        if (typeof object.kind === "number" && (object.kind | 0) === object.kind)
                            message.kind = object.kind;
                    }
                if (object.baseSeq != null)
                    if (typeof object.baseSeq === "object" ? object.baseSeq.low || object.baseSeq.high : $Number(object.baseSeq) !== 0)
                        if ($util.Long)
                            message.baseSeq = $util.Long.fromValue(object.baseSeq, true);
                        else if (typeof object.baseSeq === "string")
                            message.baseSeq = $parseInt(object.baseSeq, 10);
                        else if (typeof object.baseSeq === "number")
                            message.baseSeq = object.baseSeq;
                        else if (typeof object.baseSeq === "object")
                            message.baseSeq = new $util.LongBits(object.baseSeq.low >>> 0, object.baseSeq.high >>> 0).toNumber(true);
                if (object.snapshot != null) {
                    if (!$util.isObject(object.snapshot))
                        throw $TypeError(".boardcast.v1.Frame.snapshot: object expected");
                    message.snapshot = $root.boardcast.v1.Snapshot.fromObject(object.snapshot, _depth + 1);
                }
                if (object.control != null) {
                    if (!$util.isObject(object.control))
                        throw $TypeError(".boardcast.v1.Frame.control: object expected");
                    message.control = $root.boardcast.v1.Control.fromObject(object.control, _depth + 1);
                }
                return message;
            };

            Frame.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.epoch = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.producedAtUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.producedAtUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.kind = options.enums === $String ? "FULL" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.baseSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.baseSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.snapshot = null;
                    object.control = null;
                }
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch"))
                    object.epoch = message.epoch;
                if (message.producedAtUs != null && $Object.hasOwnProperty.call(message, "producedAtUs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.producedAtUs = typeof message.producedAtUs === "number" ? $BigInt(message.producedAtUs) : $util.Long.fromBits(message.producedAtUs.low >>> 0, message.producedAtUs.high >>> 0, false).toBigInt();
                    else if (typeof message.producedAtUs === "number")
                        object.producedAtUs = options.longs === $String ? $String(message.producedAtUs) : message.producedAtUs;
                    else
                        object.producedAtUs = options.longs === $String ? $util.Long.prototype.toString.call(message.producedAtUs) : options.longs === $Number ? new $util.LongBits(message.producedAtUs.low >>> 0, message.producedAtUs.high >>> 0).toNumber() : message.producedAtUs;
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    object.kind = options.enums === $String ? $root.boardcast.v1.FrameKind[message.kind] === $undefined ? message.kind : $root.boardcast.v1.FrameKind[message.kind] : message.kind;
                if (message.baseSeq != null && $Object.hasOwnProperty.call(message, "baseSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.baseSeq = typeof message.baseSeq === "number" ? $BigInt(message.baseSeq) : $util.Long.fromBits(message.baseSeq.low >>> 0, message.baseSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.baseSeq === "number")
                        object.baseSeq = options.longs === $String ? $String(message.baseSeq) : message.baseSeq;
                    else
                        object.baseSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.baseSeq) : options.longs === $Number ? new $util.LongBits(message.baseSeq.low >>> 0, message.baseSeq.high >>> 0).toNumber(true) : message.baseSeq;
                if (message.snapshot != null && $Object.hasOwnProperty.call(message, "snapshot"))
                    object.snapshot = $root.boardcast.v1.Snapshot.toObject(message.snapshot, options, _depth + 1);
                if (message.control != null && $Object.hasOwnProperty.call(message, "control"))
                    object.control = $root.boardcast.v1.Control.toObject(message.control, options, _depth + 1);
                return object;
            };

            Frame.prototype.toJSON = function() {
                return Frame.toObject(this, $protobuf.util.toJSONOptions);
            };

            Frame.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.Frame";
            };

            return Frame;
        })();

        v1.FrameKind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "FULL"] = 0;
            values[valuesById[1] = "DELTA"] = 1;
            values[valuesById[2] = "CONTROL"] = 2;
            return values;
        })();

        v1.MarketPhase = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PHASE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PRE_OPEN"] = 1;
            values[valuesById[2] = "ATO"] = 2;
            values[valuesById[3] = "CONTINUOUS"] = 3;
            values[valuesById[4] = "LUNCH_BREAK"] = 4;
            values[valuesById[5] = "ATC"] = 5;
            values[valuesById[6] = "PUT_THROUGH"] = 6;
            values[valuesById[7] = "CLOSED"] = 7;
            return values;
        })();

        v1.Snapshot = (function() {

            const Snapshot = function (properties) {
                this.symbols = [];
                this.indices = [];
                this.removedSymbols = [];
                this.trades = [];
                this.candles = [];
                this.alerts = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Snapshot.prototype.marketTimeMs = 0;
            Snapshot.prototype.tradingDate = "";
            Snapshot.prototype.phase = 0;
            Snapshot.prototype.symbols = $util.emptyArray;
            Snapshot.prototype.indices = $util.emptyArray;
            Snapshot.prototype.foreign = null;
            Snapshot.prototype.derivatives = null;
            Snapshot.prototype.removedSymbols = $util.emptyArray;
            Snapshot.prototype.derivativesPhase = 0;
            Snapshot.prototype.feed = null;
            Snapshot.prototype.trades = $util.emptyArray;
            Snapshot.prototype.candles = $util.emptyArray;
            Snapshot.prototype.alerts = $util.emptyArray;

            Snapshot.create = function(properties) {
                return new Snapshot(properties);
            };

            Snapshot.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.marketTimeMs != null && $Object.hasOwnProperty.call(message, "marketTimeMs") && !$Object.is(message.marketTimeMs, 0))
                    writer.uint32(9).double(message.marketTimeMs);
                if (message.tradingDate != null && $Object.hasOwnProperty.call(message, "tradingDate") && message.tradingDate !== "")
                    writer.uint32(18).string(message.tradingDate);
                if (message.phase != null && $Object.hasOwnProperty.call(message, "phase") && message.phase !== 0)
                    writer.uint32(24).int32(message.phase);
                if (message.symbols != null && message.symbols.length)
                    for (let i = 0; i < message.symbols.length; ++i)
                        $root.boardcast.v1.SymbolState.encode(message.symbols[i], writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.indices != null && message.indices.length)
                    for (let i = 0; i < message.indices.length; ++i)
                        $root.boardcast.v1.IndexState.encode(message.indices[i], writer.uint32(42).fork(), _depth + 1).ldelim();
                if (message.foreign != null && $Object.hasOwnProperty.call(message, "foreign"))
                    $root.boardcast.v1.ForeignSummary.encode(message.foreign, writer.uint32(50).fork(), _depth + 1).ldelim();
                if (message.derivatives != null && $Object.hasOwnProperty.call(message, "derivatives"))
                    $root.boardcast.v1.Derivatives.encode(message.derivatives, writer.uint32(58).fork(), _depth + 1).ldelim();
                if (message.removedSymbols != null && message.removedSymbols.length)
                    for (let i = 0; i < message.removedSymbols.length; ++i)
                        writer.uint32(66).string(message.removedSymbols[i]);
                if (message.derivativesPhase != null && $Object.hasOwnProperty.call(message, "derivativesPhase") && message.derivativesPhase !== 0)
                    writer.uint32(72).int32(message.derivativesPhase);
                if (message.feed != null && $Object.hasOwnProperty.call(message, "feed"))
                    $root.boardcast.v1.FeedStatus.encode(message.feed, writer.uint32(82).fork(), _depth + 1).ldelim();
                if (message.trades != null && message.trades.length)
                    for (let i = 0; i < message.trades.length; ++i)
                        $root.boardcast.v1.Trade.encode(message.trades[i], writer.uint32(90).fork(), _depth + 1).ldelim();
                if (message.candles != null && message.candles.length)
                    for (let i = 0; i < message.candles.length; ++i)
                        $root.boardcast.v1.Candle.encode(message.candles[i], writer.uint32(98).fork(), _depth + 1).ldelim();
                if (message.alerts != null && message.alerts.length)
                    for (let i = 0; i < message.alerts.length; ++i)
                        $root.boardcast.v1.Alert.encode(message.alerts[i], writer.uint32(106).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Snapshot.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.Snapshot();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.marketTimeMs = value;
                            else
                                delete message.marketTimeMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tradingDate = value;
                            else
                                delete message.tradingDate;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.phase = value;
                            else
                                delete message.phase;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.symbols && message.symbols.length))
                                message.symbols = [];
                            message.symbols.push($root.boardcast.v1.SymbolState.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.indices && message.indices.length))
                                message.indices = [];
                            message.indices.push($root.boardcast.v1.IndexState.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.foreign = $root.boardcast.v1.ForeignSummary.decode(reader, reader.size(), $undefined, _depth + 1, message.foreign);
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.derivatives = $root.boardcast.v1.Derivatives.decode(reader, reader.size(), $undefined, _depth + 1, message.derivatives);
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if (!(message.removedSymbols && message.removedSymbols.length))
                                message.removedSymbols = [];
                            message.removedSymbols.push(reader.stringVerify());
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.derivativesPhase = value;
                            else
                                delete message.derivativesPhase;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.feed = $root.boardcast.v1.FeedStatus.decode(reader, reader.size(), $undefined, _depth + 1, message.feed);
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if (!(message.trades && message.trades.length))
                                message.trades = [];
                            message.trades.push($root.boardcast.v1.Trade.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if (!(message.candles && message.candles.length))
                                message.candles = [];
                            message.candles.push($root.boardcast.v1.Candle.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            if (!(message.alerts && message.alerts.length))
                                message.alerts = [];
                            message.alerts.push($root.boardcast.v1.Alert.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Snapshot.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.Snapshot)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.Snapshot: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.Snapshot();
                if (object.marketTimeMs != null)
                    if (!$Object.is($Number(object.marketTimeMs), 0))
                        message.marketTimeMs = $Number(object.marketTimeMs);
                if (object.tradingDate != null)
                    if (typeof object.tradingDate !== "string" || object.tradingDate.length)
                        message.tradingDate = $String(object.tradingDate);
                if (object.phase !== 0 && (typeof object.phase !== "string" || $root.boardcast.v1.MarketPhase[object.phase] !== 0))
                    switch (object.phase) {
                    case "PHASE_UNSPECIFIED":
                    case 0:
                        message.phase = 0;
                        break;
                    case "PRE_OPEN":
                    case 1:
                        message.phase = 1;
                        break;
                    case "ATO":
                    case 2:
                        message.phase = 2;
                        break;
                    case "CONTINUOUS":
                    case 3:
                        message.phase = 3;
                        break;
                    case "LUNCH_BREAK":
                    case 4:
                        message.phase = 4;
                        break;
                    case "ATC":
                    case 5:
                        message.phase = 5;
                        break;
                    case "PUT_THROUGH":
                    case 6:
                        message.phase = 6;
                        break;
                    case "CLOSED":
                    case 7:
                        message.phase = 7;
                        break;
                    default:
                        if (typeof object.phase === "number" && (object.phase | 0) === object.phase)
                            message.phase = object.phase;
                    }
                if (object.symbols) {
                    if (!$Array.isArray(object.symbols))
                        throw $TypeError(".boardcast.v1.Snapshot.symbols: array expected");
                    message.symbols = $Array(object.symbols.length);
                    for (let i = 0; i < object.symbols.length; ++i) {
                        if (!$util.isObject(object.symbols[i]))
                            throw $TypeError(".boardcast.v1.Snapshot.symbols: object expected");
                        message.symbols[i] = $root.boardcast.v1.SymbolState.fromObject(object.symbols[i], _depth + 1);
                    }
                }
                if (object.indices) {
                    if (!$Array.isArray(object.indices))
                        throw $TypeError(".boardcast.v1.Snapshot.indices: array expected");
                    message.indices = $Array(object.indices.length);
                    for (let i = 0; i < object.indices.length; ++i) {
                        if (!$util.isObject(object.indices[i]))
                            throw $TypeError(".boardcast.v1.Snapshot.indices: object expected");
                        message.indices[i] = $root.boardcast.v1.IndexState.fromObject(object.indices[i], _depth + 1);
                    }
                }
                if (object.foreign != null) {
                    if (!$util.isObject(object.foreign))
                        throw $TypeError(".boardcast.v1.Snapshot.foreign: object expected");
                    message.foreign = $root.boardcast.v1.ForeignSummary.fromObject(object.foreign, _depth + 1);
                }
                if (object.derivatives != null) {
                    if (!$util.isObject(object.derivatives))
                        throw $TypeError(".boardcast.v1.Snapshot.derivatives: object expected");
                    message.derivatives = $root.boardcast.v1.Derivatives.fromObject(object.derivatives, _depth + 1);
                }
                if (object.removedSymbols) {
                    if (!$Array.isArray(object.removedSymbols))
                        throw $TypeError(".boardcast.v1.Snapshot.removedSymbols: array expected");
                    message.removedSymbols = $Array(object.removedSymbols.length);
                    for (let i = 0; i < object.removedSymbols.length; ++i)
                        message.removedSymbols[i] = $String(object.removedSymbols[i]);
                }
                if (object.derivativesPhase !== 0 && (typeof object.derivativesPhase !== "string" || $root.boardcast.v1.MarketPhase[object.derivativesPhase] !== 0))
                    switch (object.derivativesPhase) {
                    case "PHASE_UNSPECIFIED":
                    case 0:
                        message.derivativesPhase = 0;
                        break;
                    case "PRE_OPEN":
                    case 1:
                        message.derivativesPhase = 1;
                        break;
                    case "ATO":
                    case 2:
                        message.derivativesPhase = 2;
                        break;
                    case "CONTINUOUS":
                    case 3:
                        message.derivativesPhase = 3;
                        break;
                    case "LUNCH_BREAK":
                    case 4:
                        message.derivativesPhase = 4;
                        break;
                    case "ATC":
                    case 5:
                        message.derivativesPhase = 5;
                        break;
                    case "PUT_THROUGH":
                    case 6:
                        message.derivativesPhase = 6;
                        break;
                    case "CLOSED":
                    case 7:
                        message.derivativesPhase = 7;
                        break;
                    default:
                        if (typeof object.derivativesPhase === "number" && (object.derivativesPhase | 0) === object.derivativesPhase)
                            message.derivativesPhase = object.derivativesPhase;
                    }
                if (object.feed != null) {
                    if (!$util.isObject(object.feed))
                        throw $TypeError(".boardcast.v1.Snapshot.feed: object expected");
                    message.feed = $root.boardcast.v1.FeedStatus.fromObject(object.feed, _depth + 1);
                }
                if (object.trades) {
                    if (!$Array.isArray(object.trades))
                        throw $TypeError(".boardcast.v1.Snapshot.trades: array expected");
                    message.trades = $Array(object.trades.length);
                    for (let i = 0; i < object.trades.length; ++i) {
                        if (!$util.isObject(object.trades[i]))
                            throw $TypeError(".boardcast.v1.Snapshot.trades: object expected");
                        message.trades[i] = $root.boardcast.v1.Trade.fromObject(object.trades[i], _depth + 1);
                    }
                }
                if (object.candles) {
                    if (!$Array.isArray(object.candles))
                        throw $TypeError(".boardcast.v1.Snapshot.candles: array expected");
                    message.candles = $Array(object.candles.length);
                    for (let i = 0; i < object.candles.length; ++i) {
                        if (!$util.isObject(object.candles[i]))
                            throw $TypeError(".boardcast.v1.Snapshot.candles: object expected");
                        message.candles[i] = $root.boardcast.v1.Candle.fromObject(object.candles[i], _depth + 1);
                    }
                }
                if (object.alerts) {
                    if (!$Array.isArray(object.alerts))
                        throw $TypeError(".boardcast.v1.Snapshot.alerts: array expected");
                    message.alerts = $Array(object.alerts.length);
                    for (let i = 0; i < object.alerts.length; ++i) {
                        if (!$util.isObject(object.alerts[i]))
                            throw $TypeError(".boardcast.v1.Snapshot.alerts: object expected");
                        message.alerts[i] = $root.boardcast.v1.Alert.fromObject(object.alerts[i], _depth + 1);
                    }
                }
                return message;
            };

            Snapshot.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.symbols = [];
                    object.indices = [];
                    object.removedSymbols = [];
                    object.trades = [];
                    object.candles = [];
                    object.alerts = [];
                }
                if (options.defaults) {
                    object.marketTimeMs = 0;
                    object.tradingDate = "";
                    object.phase = options.enums === $String ? "PHASE_UNSPECIFIED" : 0;
                    object.foreign = null;
                    object.derivatives = null;
                    object.derivativesPhase = options.enums === $String ? "PHASE_UNSPECIFIED" : 0;
                    object.feed = null;
                }
                if (message.marketTimeMs != null && $Object.hasOwnProperty.call(message, "marketTimeMs"))
                    object.marketTimeMs = options.json && !$isFinite(message.marketTimeMs) ? $String(message.marketTimeMs) : message.marketTimeMs;
                if (message.tradingDate != null && $Object.hasOwnProperty.call(message, "tradingDate"))
                    object.tradingDate = message.tradingDate;
                if (message.phase != null && $Object.hasOwnProperty.call(message, "phase"))
                    object.phase = options.enums === $String ? $root.boardcast.v1.MarketPhase[message.phase] === $undefined ? message.phase : $root.boardcast.v1.MarketPhase[message.phase] : message.phase;
                if (message.symbols && message.symbols.length) {
                    object.symbols = $Array(message.symbols.length);
                    for (let j = 0; j < message.symbols.length; ++j)
                        object.symbols[j] = $root.boardcast.v1.SymbolState.toObject(message.symbols[j], options, _depth + 1);
                }
                if (message.indices && message.indices.length) {
                    object.indices = $Array(message.indices.length);
                    for (let j = 0; j < message.indices.length; ++j)
                        object.indices[j] = $root.boardcast.v1.IndexState.toObject(message.indices[j], options, _depth + 1);
                }
                if (message.foreign != null && $Object.hasOwnProperty.call(message, "foreign"))
                    object.foreign = $root.boardcast.v1.ForeignSummary.toObject(message.foreign, options, _depth + 1);
                if (message.derivatives != null && $Object.hasOwnProperty.call(message, "derivatives"))
                    object.derivatives = $root.boardcast.v1.Derivatives.toObject(message.derivatives, options, _depth + 1);
                if (message.removedSymbols && message.removedSymbols.length) {
                    object.removedSymbols = $Array(message.removedSymbols.length);
                    for (let j = 0; j < message.removedSymbols.length; ++j)
                        object.removedSymbols[j] = message.removedSymbols[j];
                }
                if (message.derivativesPhase != null && $Object.hasOwnProperty.call(message, "derivativesPhase"))
                    object.derivativesPhase = options.enums === $String ? $root.boardcast.v1.MarketPhase[message.derivativesPhase] === $undefined ? message.derivativesPhase : $root.boardcast.v1.MarketPhase[message.derivativesPhase] : message.derivativesPhase;
                if (message.feed != null && $Object.hasOwnProperty.call(message, "feed"))
                    object.feed = $root.boardcast.v1.FeedStatus.toObject(message.feed, options, _depth + 1);
                if (message.trades && message.trades.length) {
                    object.trades = $Array(message.trades.length);
                    for (let j = 0; j < message.trades.length; ++j)
                        object.trades[j] = $root.boardcast.v1.Trade.toObject(message.trades[j], options, _depth + 1);
                }
                if (message.candles && message.candles.length) {
                    object.candles = $Array(message.candles.length);
                    for (let j = 0; j < message.candles.length; ++j)
                        object.candles[j] = $root.boardcast.v1.Candle.toObject(message.candles[j], options, _depth + 1);
                }
                if (message.alerts && message.alerts.length) {
                    object.alerts = $Array(message.alerts.length);
                    for (let j = 0; j < message.alerts.length; ++j)
                        object.alerts[j] = $root.boardcast.v1.Alert.toObject(message.alerts[j], options, _depth + 1);
                }
                return object;
            };

            Snapshot.prototype.toJSON = function() {
                return Snapshot.toObject(this, $protobuf.util.toJSONOptions);
            };

            Snapshot.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.Snapshot";
            };

            return Snapshot;
        })();

        v1.TradeSide = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "TRADE_SIDE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "ACTIVE_BUY"] = 1;
            values[valuesById[2] = "ACTIVE_SELL"] = 2;
            values[valuesById[3] = "NEUTRAL"] = 3;
            return values;
        })();

        v1.Trade = (function() {

            const Trade = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Trade.prototype.symbol = "";
            Trade.prototype.tradeSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Trade.prototype.price = 0;
            Trade.prototype.volume = 0;
            Trade.prototype.side = 0;
            Trade.prototype.session = 0;
            Trade.prototype.timeMs = 0;

            Trade.create = function(properties) {
                return new Trade(properties);
            };

            Trade.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(10).string(message.symbol);
                if (message.tradeSeq != null && $Object.hasOwnProperty.call(message, "tradeSeq") && (typeof message.tradeSeq === "object" ? message.tradeSeq.low || message.tradeSeq.high : message.tradeSeq !== 0))
                    writer.uint32(16).uint64(message.tradeSeq);
                if (message.price != null && $Object.hasOwnProperty.call(message, "price") && !$Object.is(message.price, 0))
                    writer.uint32(25).double(message.price);
                if (message.volume != null && $Object.hasOwnProperty.call(message, "volume") && !$Object.is(message.volume, 0))
                    writer.uint32(33).double(message.volume);
                if (message.side != null && $Object.hasOwnProperty.call(message, "side") && message.side !== 0)
                    writer.uint32(40).int32(message.side);
                if (message.session != null && $Object.hasOwnProperty.call(message, "session") && message.session !== 0)
                    writer.uint32(48).int32(message.session);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && !$Object.is(message.timeMs, 0))
                    writer.uint32(57).double(message.timeMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Trade.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.Trade();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.tradeSeq = value;
                            else
                                delete message.tradeSeq;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.price = value;
                            else
                                delete message.price;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.volume = value;
                            else
                                delete message.volume;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.side = value;
                            else
                                delete message.side;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.session = value;
                            else
                                delete message.session;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Trade.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.Trade)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.Trade: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.Trade();
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                if (object.tradeSeq != null)
                    if (typeof object.tradeSeq === "object" ? object.tradeSeq.low || object.tradeSeq.high : $Number(object.tradeSeq) !== 0)
                        if ($util.Long)
                            message.tradeSeq = $util.Long.fromValue(object.tradeSeq, true);
                        else if (typeof object.tradeSeq === "string")
                            message.tradeSeq = $parseInt(object.tradeSeq, 10);
                        else if (typeof object.tradeSeq === "number")
                            message.tradeSeq = object.tradeSeq;
                        else if (typeof object.tradeSeq === "object")
                            message.tradeSeq = new $util.LongBits(object.tradeSeq.low >>> 0, object.tradeSeq.high >>> 0).toNumber(true);
                if (object.price != null)
                    if (!$Object.is($Number(object.price), 0))
                        message.price = $Number(object.price);
                if (object.volume != null)
                    if (!$Object.is($Number(object.volume), 0))
                        message.volume = $Number(object.volume);
                if (object.side !== 0 && (typeof object.side !== "string" || $root.boardcast.v1.TradeSide[object.side] !== 0))
                    switch (object.side) {
                    case "TRADE_SIDE_UNSPECIFIED":
                    case 0:
                        message.side = 0;
                        break;
                    case "ACTIVE_BUY":
                    case 1:
                        message.side = 1;
                        break;
                    case "ACTIVE_SELL":
                    case 2:
                        message.side = 2;
                        break;
                    case "NEUTRAL":
                    case 3:
                        message.side = 3;
                        break;
                    default:
                        if (typeof object.side === "number" && (object.side | 0) === object.side)
                            message.side = object.side;
                    }
                if (object.session !== 0 && (typeof object.session !== "string" || $root.boardcast.v1.MarketPhase[object.session] !== 0))
                    switch (object.session) {
                    case "PHASE_UNSPECIFIED":
                    case 0:
                        message.session = 0;
                        break;
                    case "PRE_OPEN":
                    case 1:
                        message.session = 1;
                        break;
                    case "ATO":
                    case 2:
                        message.session = 2;
                        break;
                    case "CONTINUOUS":
                    case 3:
                        message.session = 3;
                        break;
                    case "LUNCH_BREAK":
                    case 4:
                        message.session = 4;
                        break;
                    case "ATC":
                    case 5:
                        message.session = 5;
                        break;
                    case "PUT_THROUGH":
                    case 6:
                        message.session = 6;
                        break;
                    case "CLOSED":
                    case 7:
                        message.session = 7;
                        break;
                    default:
                        if (typeof object.session === "number" && (object.session | 0) === object.session)
                            message.session = object.session;
                    }
                if (object.timeMs != null)
                    if (!$Object.is($Number(object.timeMs), 0))
                        message.timeMs = $Number(object.timeMs);
                return message;
            };

            Trade.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.symbol = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.tradeSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.tradeSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.price = 0;
                    object.volume = 0;
                    object.side = options.enums === $String ? "TRADE_SIDE_UNSPECIFIED" : 0;
                    object.session = options.enums === $String ? "PHASE_UNSPECIFIED" : 0;
                    object.timeMs = 0;
                }
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.tradeSeq != null && $Object.hasOwnProperty.call(message, "tradeSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.tradeSeq = typeof message.tradeSeq === "number" ? $BigInt(message.tradeSeq) : $util.Long.fromBits(message.tradeSeq.low >>> 0, message.tradeSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.tradeSeq === "number")
                        object.tradeSeq = options.longs === $String ? $String(message.tradeSeq) : message.tradeSeq;
                    else
                        object.tradeSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.tradeSeq) : options.longs === $Number ? new $util.LongBits(message.tradeSeq.low >>> 0, message.tradeSeq.high >>> 0).toNumber(true) : message.tradeSeq;
                if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                    object.price = options.json && !$isFinite(message.price) ? $String(message.price) : message.price;
                if (message.volume != null && $Object.hasOwnProperty.call(message, "volume"))
                    object.volume = options.json && !$isFinite(message.volume) ? $String(message.volume) : message.volume;
                if (message.side != null && $Object.hasOwnProperty.call(message, "side"))
                    object.side = options.enums === $String ? $root.boardcast.v1.TradeSide[message.side] === $undefined ? message.side : $root.boardcast.v1.TradeSide[message.side] : message.side;
                if (message.session != null && $Object.hasOwnProperty.call(message, "session"))
                    object.session = options.enums === $String ? $root.boardcast.v1.MarketPhase[message.session] === $undefined ? message.session : $root.boardcast.v1.MarketPhase[message.session] : message.session;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    object.timeMs = options.json && !$isFinite(message.timeMs) ? $String(message.timeMs) : message.timeMs;
                return object;
            };

            Trade.prototype.toJSON = function() {
                return Trade.toObject(this, $protobuf.util.toJSONOptions);
            };

            Trade.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.Trade";
            };

            return Trade;
        })();

        v1.Candle = (function() {

            const Candle = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Candle.prototype.symbol = "";
            Candle.prototype.timeMs = 0;
            Candle.prototype.open = 0;
            Candle.prototype.high = 0;
            Candle.prototype.low = 0;
            Candle.prototype.close = 0;
            Candle.prototype.volume = 0;
            Candle.prototype.buyVolume = 0;
            Candle.prototype.sellVolume = 0;
            Candle.prototype.trades = 0;
            Candle.prototype.closed = false;

            Candle.create = function(properties) {
                return new Candle(properties);
            };

            Candle.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(10).string(message.symbol);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && !$Object.is(message.timeMs, 0))
                    writer.uint32(17).double(message.timeMs);
                if (message.open != null && $Object.hasOwnProperty.call(message, "open") && !$Object.is(message.open, 0))
                    writer.uint32(25).double(message.open);
                if (message.high != null && $Object.hasOwnProperty.call(message, "high") && !$Object.is(message.high, 0))
                    writer.uint32(33).double(message.high);
                if (message.low != null && $Object.hasOwnProperty.call(message, "low") && !$Object.is(message.low, 0))
                    writer.uint32(41).double(message.low);
                if (message.close != null && $Object.hasOwnProperty.call(message, "close") && !$Object.is(message.close, 0))
                    writer.uint32(49).double(message.close);
                if (message.volume != null && $Object.hasOwnProperty.call(message, "volume") && !$Object.is(message.volume, 0))
                    writer.uint32(57).double(message.volume);
                if (message.buyVolume != null && $Object.hasOwnProperty.call(message, "buyVolume") && !$Object.is(message.buyVolume, 0))
                    writer.uint32(65).double(message.buyVolume);
                if (message.sellVolume != null && $Object.hasOwnProperty.call(message, "sellVolume") && !$Object.is(message.sellVolume, 0))
                    writer.uint32(73).double(message.sellVolume);
                if (message.trades != null && $Object.hasOwnProperty.call(message, "trades") && message.trades !== 0)
                    writer.uint32(80).uint32(message.trades);
                if (message.closed != null && $Object.hasOwnProperty.call(message, "closed") && message.closed !== false)
                    writer.uint32(88).bool(message.closed);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Candle.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.Candle();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.open = value;
                            else
                                delete message.open;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.high = value;
                            else
                                delete message.high;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.low = value;
                            else
                                delete message.low;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.close = value;
                            else
                                delete message.close;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.volume = value;
                            else
                                delete message.volume;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.buyVolume = value;
                            else
                                delete message.buyVolume;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.sellVolume = value;
                            else
                                delete message.sellVolume;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.trades = value;
                            else
                                delete message.trades;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.closed = value;
                            else
                                delete message.closed;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Candle.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.Candle)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.Candle: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.Candle();
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                if (object.timeMs != null)
                    if (!$Object.is($Number(object.timeMs), 0))
                        message.timeMs = $Number(object.timeMs);
                if (object.open != null)
                    if (!$Object.is($Number(object.open), 0))
                        message.open = $Number(object.open);
                if (object.high != null)
                    if (!$Object.is($Number(object.high), 0))
                        message.high = $Number(object.high);
                if (object.low != null)
                    if (!$Object.is($Number(object.low), 0))
                        message.low = $Number(object.low);
                if (object.close != null)
                    if (!$Object.is($Number(object.close), 0))
                        message.close = $Number(object.close);
                if (object.volume != null)
                    if (!$Object.is($Number(object.volume), 0))
                        message.volume = $Number(object.volume);
                if (object.buyVolume != null)
                    if (!$Object.is($Number(object.buyVolume), 0))
                        message.buyVolume = $Number(object.buyVolume);
                if (object.sellVolume != null)
                    if (!$Object.is($Number(object.sellVolume), 0))
                        message.sellVolume = $Number(object.sellVolume);
                if (object.trades != null)
                    if ($Number(object.trades) !== 0)
                        message.trades = object.trades >>> 0;
                if (object.closed != null)
                    if (object.closed)
                        message.closed = $Boolean(object.closed);
                return message;
            };

            Candle.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.symbol = "";
                    object.timeMs = 0;
                    object.open = 0;
                    object.high = 0;
                    object.low = 0;
                    object.close = 0;
                    object.volume = 0;
                    object.buyVolume = 0;
                    object.sellVolume = 0;
                    object.trades = 0;
                    object.closed = false;
                }
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    object.timeMs = options.json && !$isFinite(message.timeMs) ? $String(message.timeMs) : message.timeMs;
                if (message.open != null && $Object.hasOwnProperty.call(message, "open"))
                    object.open = options.json && !$isFinite(message.open) ? $String(message.open) : message.open;
                if (message.high != null && $Object.hasOwnProperty.call(message, "high"))
                    object.high = options.json && !$isFinite(message.high) ? $String(message.high) : message.high;
                if (message.low != null && $Object.hasOwnProperty.call(message, "low"))
                    object.low = options.json && !$isFinite(message.low) ? $String(message.low) : message.low;
                if (message.close != null && $Object.hasOwnProperty.call(message, "close"))
                    object.close = options.json && !$isFinite(message.close) ? $String(message.close) : message.close;
                if (message.volume != null && $Object.hasOwnProperty.call(message, "volume"))
                    object.volume = options.json && !$isFinite(message.volume) ? $String(message.volume) : message.volume;
                if (message.buyVolume != null && $Object.hasOwnProperty.call(message, "buyVolume"))
                    object.buyVolume = options.json && !$isFinite(message.buyVolume) ? $String(message.buyVolume) : message.buyVolume;
                if (message.sellVolume != null && $Object.hasOwnProperty.call(message, "sellVolume"))
                    object.sellVolume = options.json && !$isFinite(message.sellVolume) ? $String(message.sellVolume) : message.sellVolume;
                if (message.trades != null && $Object.hasOwnProperty.call(message, "trades"))
                    object.trades = message.trades;
                if (message.closed != null && $Object.hasOwnProperty.call(message, "closed"))
                    object.closed = message.closed;
                return object;
            };

            Candle.prototype.toJSON = function() {
                return Candle.toObject(this, $protobuf.util.toJSONOptions);
            };

            Candle.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.Candle";
            };

            return Candle;
        })();

        v1.AlertSeverity = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ALERT_SEVERITY_UNSPECIFIED"] = 0;
            values[valuesById[1] = "INFO"] = 1;
            values[valuesById[2] = "WARNING"] = 2;
            values[valuesById[3] = "CRITICAL"] = 3;
            return values;
        })();

        v1.Alert = (function() {

            const Alert = function (properties) {
                this.params = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Alert.prototype.id = "";
            Alert.prototype.type = "";
            Alert.prototype.severity = 0;
            Alert.prototype.symbol = "";
            Alert.prototype.value = 0;
            Alert.prototype.params = $util.emptyObject;
            Alert.prototype.timeMs = 0;
            Alert.prototype.message = "";

            Alert.create = function(properties) {
                return new Alert(properties);
            };

            Alert.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                    writer.uint32(10).string(message.id);
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== "")
                    writer.uint32(18).string(message.type);
                if (message.severity != null && $Object.hasOwnProperty.call(message, "severity") && message.severity !== 0)
                    writer.uint32(24).int32(message.severity);
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(34).string(message.symbol);
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && !$Object.is(message.value, 0))
                    writer.uint32(41).double(message.value);
                if (message.params != null && $Object.hasOwnProperty.call(message, "params"))
                    for (let keys = $Object.keys(message.params), i = 0; i < keys.length; ++i)
                        writer.uint32(50).fork().uint32(10).string(keys[i]).uint32(17).double(message.params[keys[i]]).ldelim();
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && !$Object.is(message.timeMs, 0))
                    writer.uint32(57).double(message.timeMs);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(66).string(message.message);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Alert.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.Alert();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.severity = value;
                            else
                                delete message.severity;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (message.params === $util.emptyObject)
                                message.params = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = 0;
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 1)
                                        break;
                                    value = reader.double();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.params, key);
                            message.params[key] = value;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Alert.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.Alert)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.Alert: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.Alert();
                if (object.id != null)
                    if (typeof object.id !== "string" || object.id.length)
                        message.id = $String(object.id);
                if (object.type != null)
                    if (typeof object.type !== "string" || object.type.length)
                        message.type = $String(object.type);
                if (object.severity !== 0 && (typeof object.severity !== "string" || $root.boardcast.v1.AlertSeverity[object.severity] !== 0))
                    switch (object.severity) {
                    case "ALERT_SEVERITY_UNSPECIFIED":
                    case 0:
                        message.severity = 0;
                        break;
                    case "INFO":
                    case 1:
                        message.severity = 1;
                        break;
                    case "WARNING":
                    case 2:
                        message.severity = 2;
                        break;
                    case "CRITICAL":
                    case 3:
                        message.severity = 3;
                        break;
                    default:
                        if (typeof object.severity === "number" && (object.severity | 0) === object.severity)
                            message.severity = object.severity;
                    }
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                if (object.value != null)
                    if (!$Object.is($Number(object.value), 0))
                        message.value = $Number(object.value);
                if (object.params) {
                    if (!$util.isObject(object.params))
                        throw $TypeError(".boardcast.v1.Alert.params: object expected");
                    message.params = {};
                    for (let keys = $Object.keys(object.params), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.params, keys[i]);
                        message.params[keys[i]] = $Number(object.params[keys[i]]);
                    }
                }
                if (object.timeMs != null)
                    if (!$Object.is($Number(object.timeMs), 0))
                        message.timeMs = $Number(object.timeMs);
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                return message;
            };

            Alert.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.objects || options.defaults)
                    object.params = {};
                if (options.defaults) {
                    object.id = "";
                    object.type = "";
                    object.severity = options.enums === $String ? "ALERT_SEVERITY_UNSPECIFIED" : 0;
                    object.symbol = "";
                    object.value = 0;
                    object.timeMs = 0;
                    object.message = "";
                }
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    object.type = message.type;
                if (message.severity != null && $Object.hasOwnProperty.call(message, "severity"))
                    object.severity = options.enums === $String ? $root.boardcast.v1.AlertSeverity[message.severity] === $undefined ? message.severity : $root.boardcast.v1.AlertSeverity[message.severity] : message.severity;
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                    object.value = options.json && !$isFinite(message.value) ? $String(message.value) : message.value;
                let keys2;
                if (message.params && (keys2 = $Object.keys(message.params)).length) {
                    object.params = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.params, keys2[j]);
                        object.params[keys2[j]] = options.json && !$isFinite(message.params[keys2[j]]) ? $String(message.params[keys2[j]]) : message.params[keys2[j]];
                    }
                }
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    object.timeMs = options.json && !$isFinite(message.timeMs) ? $String(message.timeMs) : message.timeMs;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                return object;
            };

            Alert.prototype.toJSON = function() {
                return Alert.toObject(this, $protobuf.util.toJSONOptions);
            };

            Alert.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.Alert";
            };

            return Alert;
        })();

        v1.FeedState = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "FEED_STATE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "FEED_LIVE"] = 1;
            values[valuesById[2] = "FEED_RECONNECTING"] = 2;
            values[valuesById[3] = "FEED_STALE"] = 3;
            values[valuesById[4] = "FEED_FAILED"] = 4;
            return values;
        })();

        v1.FeedStatus = (function() {

            const FeedStatus = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            FeedStatus.prototype.state = 0;
            FeedStatus.prototype.lastMessageAgeMs = 0;

            FeedStatus.create = function(properties) {
                return new FeedStatus(properties);
            };

            FeedStatus.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== 0)
                    writer.uint32(8).int32(message.state);
                if (message.lastMessageAgeMs != null && $Object.hasOwnProperty.call(message, "lastMessageAgeMs") && !$Object.is(message.lastMessageAgeMs, 0))
                    writer.uint32(17).double(message.lastMessageAgeMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            FeedStatus.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.FeedStatus();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.state = value;
                            else
                                delete message.state;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.lastMessageAgeMs = value;
                            else
                                delete message.lastMessageAgeMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            FeedStatus.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.FeedStatus)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.FeedStatus: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.FeedStatus();
                if (object.state !== 0 && (typeof object.state !== "string" || $root.boardcast.v1.FeedState[object.state] !== 0))
                    switch (object.state) {
                    case "FEED_STATE_UNSPECIFIED":
                    case 0:
                        message.state = 0;
                        break;
                    case "FEED_LIVE":
                    case 1:
                        message.state = 1;
                        break;
                    case "FEED_RECONNECTING":
                    case 2:
                        message.state = 2;
                        break;
                    case "FEED_STALE":
                    case 3:
                        message.state = 3;
                        break;
                    case "FEED_FAILED":
                    case 4:
                        message.state = 4;
                        break;
                    default:
                        if (typeof object.state === "number" && (object.state | 0) === object.state)
                            message.state = object.state;
                    }
                if (object.lastMessageAgeMs != null)
                    if (!$Object.is($Number(object.lastMessageAgeMs), 0))
                        message.lastMessageAgeMs = $Number(object.lastMessageAgeMs);
                return message;
            };

            FeedStatus.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.state = options.enums === $String ? "FEED_STATE_UNSPECIFIED" : 0;
                    object.lastMessageAgeMs = 0;
                }
                if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                    object.state = options.enums === $String ? $root.boardcast.v1.FeedState[message.state] === $undefined ? message.state : $root.boardcast.v1.FeedState[message.state] : message.state;
                if (message.lastMessageAgeMs != null && $Object.hasOwnProperty.call(message, "lastMessageAgeMs"))
                    object.lastMessageAgeMs = options.json && !$isFinite(message.lastMessageAgeMs) ? $String(message.lastMessageAgeMs) : message.lastMessageAgeMs;
                return object;
            };

            FeedStatus.prototype.toJSON = function() {
                return FeedStatus.toObject(this, $protobuf.util.toJSONOptions);
            };

            FeedStatus.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.FeedStatus";
            };

            return FeedStatus;
        })();

        v1.SymbolStatus = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "STATUS_NORMAL"] = 1;
            values[valuesById[2] = "STATUS_HALTED"] = 2;
            values[valuesById[3] = "STATUS_SUSPENDED"] = 3;
            values[valuesById[4] = "STATUS_DELISTED"] = 4;
            values[valuesById[5] = "STATUS_SPECIAL"] = 5;
            return values;
        })();

        v1.PriceLevel = (function() {

            const PriceLevel = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PriceLevel.prototype.price = 0;
            PriceLevel.prototype.volume = 0;

            PriceLevel.create = function(properties) {
                return new PriceLevel(properties);
            };

            PriceLevel.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.price != null && $Object.hasOwnProperty.call(message, "price") && message.price !== 0)
                    writer.uint32(8).uint32(message.price);
                if (message.volume != null && $Object.hasOwnProperty.call(message, "volume") && !$Object.is(message.volume, 0))
                    writer.uint32(17).double(message.volume);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PriceLevel.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.PriceLevel();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.price = value;
                            else
                                delete message.price;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.volume = value;
                            else
                                delete message.volume;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            PriceLevel.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.PriceLevel)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.PriceLevel: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.PriceLevel();
                if (object.price != null)
                    if ($Number(object.price) !== 0)
                        message.price = object.price >>> 0;
                if (object.volume != null)
                    if (!$Object.is($Number(object.volume), 0))
                        message.volume = $Number(object.volume);
                return message;
            };

            PriceLevel.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.price = 0;
                    object.volume = 0;
                }
                if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                    object.price = message.price;
                if (message.volume != null && $Object.hasOwnProperty.call(message, "volume"))
                    object.volume = options.json && !$isFinite(message.volume) ? $String(message.volume) : message.volume;
                return object;
            };

            PriceLevel.prototype.toJSON = function() {
                return PriceLevel.toObject(this, $protobuf.util.toJSONOptions);
            };

            PriceLevel.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.PriceLevel";
            };

            return PriceLevel;
        })();

        v1.ActiveFlow = (function() {

            const ActiveFlow = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ActiveFlow.prototype.buyVolume = 0;
            ActiveFlow.prototype.sellVolume = 0;
            ActiveFlow.prototype.neutralVolume = 0;
            ActiveFlow.prototype.buyValue = 0;
            ActiveFlow.prototype.sellValue = 0;
            ActiveFlow.prototype.neutralValue = 0;

            ActiveFlow.create = function(properties) {
                return new ActiveFlow(properties);
            };

            ActiveFlow.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.buyVolume != null && $Object.hasOwnProperty.call(message, "buyVolume") && !$Object.is(message.buyVolume, 0))
                    writer.uint32(9).double(message.buyVolume);
                if (message.sellVolume != null && $Object.hasOwnProperty.call(message, "sellVolume") && !$Object.is(message.sellVolume, 0))
                    writer.uint32(17).double(message.sellVolume);
                if (message.neutralVolume != null && $Object.hasOwnProperty.call(message, "neutralVolume") && !$Object.is(message.neutralVolume, 0))
                    writer.uint32(25).double(message.neutralVolume);
                if (message.buyValue != null && $Object.hasOwnProperty.call(message, "buyValue") && !$Object.is(message.buyValue, 0))
                    writer.uint32(33).double(message.buyValue);
                if (message.sellValue != null && $Object.hasOwnProperty.call(message, "sellValue") && !$Object.is(message.sellValue, 0))
                    writer.uint32(41).double(message.sellValue);
                if (message.neutralValue != null && $Object.hasOwnProperty.call(message, "neutralValue") && !$Object.is(message.neutralValue, 0))
                    writer.uint32(49).double(message.neutralValue);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ActiveFlow.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.ActiveFlow();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.buyVolume = value;
                            else
                                delete message.buyVolume;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.sellVolume = value;
                            else
                                delete message.sellVolume;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.neutralVolume = value;
                            else
                                delete message.neutralVolume;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.buyValue = value;
                            else
                                delete message.buyValue;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.sellValue = value;
                            else
                                delete message.sellValue;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.neutralValue = value;
                            else
                                delete message.neutralValue;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            ActiveFlow.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.ActiveFlow)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.ActiveFlow: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.ActiveFlow();
                if (object.buyVolume != null)
                    if (!$Object.is($Number(object.buyVolume), 0))
                        message.buyVolume = $Number(object.buyVolume);
                if (object.sellVolume != null)
                    if (!$Object.is($Number(object.sellVolume), 0))
                        message.sellVolume = $Number(object.sellVolume);
                if (object.neutralVolume != null)
                    if (!$Object.is($Number(object.neutralVolume), 0))
                        message.neutralVolume = $Number(object.neutralVolume);
                if (object.buyValue != null)
                    if (!$Object.is($Number(object.buyValue), 0))
                        message.buyValue = $Number(object.buyValue);
                if (object.sellValue != null)
                    if (!$Object.is($Number(object.sellValue), 0))
                        message.sellValue = $Number(object.sellValue);
                if (object.neutralValue != null)
                    if (!$Object.is($Number(object.neutralValue), 0))
                        message.neutralValue = $Number(object.neutralValue);
                return message;
            };

            ActiveFlow.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.buyVolume = 0;
                    object.sellVolume = 0;
                    object.neutralVolume = 0;
                    object.buyValue = 0;
                    object.sellValue = 0;
                    object.neutralValue = 0;
                }
                if (message.buyVolume != null && $Object.hasOwnProperty.call(message, "buyVolume"))
                    object.buyVolume = options.json && !$isFinite(message.buyVolume) ? $String(message.buyVolume) : message.buyVolume;
                if (message.sellVolume != null && $Object.hasOwnProperty.call(message, "sellVolume"))
                    object.sellVolume = options.json && !$isFinite(message.sellVolume) ? $String(message.sellVolume) : message.sellVolume;
                if (message.neutralVolume != null && $Object.hasOwnProperty.call(message, "neutralVolume"))
                    object.neutralVolume = options.json && !$isFinite(message.neutralVolume) ? $String(message.neutralVolume) : message.neutralVolume;
                if (message.buyValue != null && $Object.hasOwnProperty.call(message, "buyValue"))
                    object.buyValue = options.json && !$isFinite(message.buyValue) ? $String(message.buyValue) : message.buyValue;
                if (message.sellValue != null && $Object.hasOwnProperty.call(message, "sellValue"))
                    object.sellValue = options.json && !$isFinite(message.sellValue) ? $String(message.sellValue) : message.sellValue;
                if (message.neutralValue != null && $Object.hasOwnProperty.call(message, "neutralValue"))
                    object.neutralValue = options.json && !$isFinite(message.neutralValue) ? $String(message.neutralValue) : message.neutralValue;
                return object;
            };

            ActiveFlow.prototype.toJSON = function() {
                return ActiveFlow.toObject(this, $protobuf.util.toJSONOptions);
            };

            ActiveFlow.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.ActiveFlow";
            };

            return ActiveFlow;
        })();

        v1.SymbolForeign = (function() {

            const SymbolForeign = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SymbolForeign.prototype.buyVolume = 0;
            SymbolForeign.prototype.sellVolume = 0;
            SymbolForeign.prototype.buyValue = 0;
            SymbolForeign.prototype.sellValue = 0;
            SymbolForeign.prototype.netVolume = 0;
            SymbolForeign.prototype.netValue = 0;
            SymbolForeign.prototype.room = 0;
            SymbolForeign.prototype.speedPerMinute = 0;
            SymbolForeign.prototype.acceleration = 0;

            SymbolForeign.create = function(properties) {
                return new SymbolForeign(properties);
            };

            SymbolForeign.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.buyVolume != null && $Object.hasOwnProperty.call(message, "buyVolume") && !$Object.is(message.buyVolume, 0))
                    writer.uint32(9).double(message.buyVolume);
                if (message.sellVolume != null && $Object.hasOwnProperty.call(message, "sellVolume") && !$Object.is(message.sellVolume, 0))
                    writer.uint32(17).double(message.sellVolume);
                if (message.buyValue != null && $Object.hasOwnProperty.call(message, "buyValue") && !$Object.is(message.buyValue, 0))
                    writer.uint32(25).double(message.buyValue);
                if (message.sellValue != null && $Object.hasOwnProperty.call(message, "sellValue") && !$Object.is(message.sellValue, 0))
                    writer.uint32(33).double(message.sellValue);
                if (message.netVolume != null && $Object.hasOwnProperty.call(message, "netVolume") && !$Object.is(message.netVolume, 0))
                    writer.uint32(41).double(message.netVolume);
                if (message.netValue != null && $Object.hasOwnProperty.call(message, "netValue") && !$Object.is(message.netValue, 0))
                    writer.uint32(49).double(message.netValue);
                if (message.room != null && $Object.hasOwnProperty.call(message, "room") && !$Object.is(message.room, 0))
                    writer.uint32(57).double(message.room);
                if (message.speedPerMinute != null && $Object.hasOwnProperty.call(message, "speedPerMinute") && !$Object.is(message.speedPerMinute, 0))
                    writer.uint32(65).double(message.speedPerMinute);
                if (message.acceleration != null && $Object.hasOwnProperty.call(message, "acceleration") && !$Object.is(message.acceleration, 0))
                    writer.uint32(73).double(message.acceleration);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SymbolForeign.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.SymbolForeign();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.buyVolume = value;
                            else
                                delete message.buyVolume;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.sellVolume = value;
                            else
                                delete message.sellVolume;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.buyValue = value;
                            else
                                delete message.buyValue;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.sellValue = value;
                            else
                                delete message.sellValue;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.netVolume = value;
                            else
                                delete message.netVolume;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.netValue = value;
                            else
                                delete message.netValue;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.room = value;
                            else
                                delete message.room;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.speedPerMinute = value;
                            else
                                delete message.speedPerMinute;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.acceleration = value;
                            else
                                delete message.acceleration;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            SymbolForeign.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.SymbolForeign)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.SymbolForeign: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.SymbolForeign();
                if (object.buyVolume != null)
                    if (!$Object.is($Number(object.buyVolume), 0))
                        message.buyVolume = $Number(object.buyVolume);
                if (object.sellVolume != null)
                    if (!$Object.is($Number(object.sellVolume), 0))
                        message.sellVolume = $Number(object.sellVolume);
                if (object.buyValue != null)
                    if (!$Object.is($Number(object.buyValue), 0))
                        message.buyValue = $Number(object.buyValue);
                if (object.sellValue != null)
                    if (!$Object.is($Number(object.sellValue), 0))
                        message.sellValue = $Number(object.sellValue);
                if (object.netVolume != null)
                    if (!$Object.is($Number(object.netVolume), 0))
                        message.netVolume = $Number(object.netVolume);
                if (object.netValue != null)
                    if (!$Object.is($Number(object.netValue), 0))
                        message.netValue = $Number(object.netValue);
                if (object.room != null)
                    if (!$Object.is($Number(object.room), 0))
                        message.room = $Number(object.room);
                if (object.speedPerMinute != null)
                    if (!$Object.is($Number(object.speedPerMinute), 0))
                        message.speedPerMinute = $Number(object.speedPerMinute);
                if (object.acceleration != null)
                    if (!$Object.is($Number(object.acceleration), 0))
                        message.acceleration = $Number(object.acceleration);
                return message;
            };

            SymbolForeign.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.buyVolume = 0;
                    object.sellVolume = 0;
                    object.buyValue = 0;
                    object.sellValue = 0;
                    object.netVolume = 0;
                    object.netValue = 0;
                    object.room = 0;
                    object.speedPerMinute = 0;
                    object.acceleration = 0;
                }
                if (message.buyVolume != null && $Object.hasOwnProperty.call(message, "buyVolume"))
                    object.buyVolume = options.json && !$isFinite(message.buyVolume) ? $String(message.buyVolume) : message.buyVolume;
                if (message.sellVolume != null && $Object.hasOwnProperty.call(message, "sellVolume"))
                    object.sellVolume = options.json && !$isFinite(message.sellVolume) ? $String(message.sellVolume) : message.sellVolume;
                if (message.buyValue != null && $Object.hasOwnProperty.call(message, "buyValue"))
                    object.buyValue = options.json && !$isFinite(message.buyValue) ? $String(message.buyValue) : message.buyValue;
                if (message.sellValue != null && $Object.hasOwnProperty.call(message, "sellValue"))
                    object.sellValue = options.json && !$isFinite(message.sellValue) ? $String(message.sellValue) : message.sellValue;
                if (message.netVolume != null && $Object.hasOwnProperty.call(message, "netVolume"))
                    object.netVolume = options.json && !$isFinite(message.netVolume) ? $String(message.netVolume) : message.netVolume;
                if (message.netValue != null && $Object.hasOwnProperty.call(message, "netValue"))
                    object.netValue = options.json && !$isFinite(message.netValue) ? $String(message.netValue) : message.netValue;
                if (message.room != null && $Object.hasOwnProperty.call(message, "room"))
                    object.room = options.json && !$isFinite(message.room) ? $String(message.room) : message.room;
                if (message.speedPerMinute != null && $Object.hasOwnProperty.call(message, "speedPerMinute"))
                    object.speedPerMinute = options.json && !$isFinite(message.speedPerMinute) ? $String(message.speedPerMinute) : message.speedPerMinute;
                if (message.acceleration != null && $Object.hasOwnProperty.call(message, "acceleration"))
                    object.acceleration = options.json && !$isFinite(message.acceleration) ? $String(message.acceleration) : message.acceleration;
                return object;
            };

            SymbolForeign.prototype.toJSON = function() {
                return SymbolForeign.toObject(this, $protobuf.util.toJSONOptions);
            };

            SymbolForeign.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.SymbolForeign";
            };

            return SymbolForeign;
        })();

        v1.SymbolState = (function() {

            const SymbolState = function (properties) {
                this.bids = [];
                this.asks = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SymbolState.prototype.symbol = "";
            SymbolState.prototype.lastPrice = 0;
            SymbolState.prototype.lastVolume = 0;
            SymbolState.prototype.change = 0;
            SymbolState.prototype.changePct = 0;
            SymbolState.prototype.reference = 0;
            SymbolState.prototype.ceiling = 0;
            SymbolState.prototype.floor = 0;
            SymbolState.prototype.open = 0;
            SymbolState.prototype.high = 0;
            SymbolState.prototype.low = 0;
            SymbolState.prototype.bids = $util.emptyArray;
            SymbolState.prototype.asks = $util.emptyArray;
            SymbolState.prototype.totalVolume = 0;
            SymbolState.prototype.totalValue = 0;
            SymbolState.prototype.ato = null;
            SymbolState.prototype.continuous = null;
            SymbolState.prototype.atc = null;
            SymbolState.prototype.foreign = null;
            SymbolState.prototype.updatedAtMs = 0;
            SymbolState.prototype.status = 0;
            SymbolState.prototype.projectedPrice = 0;
            SymbolState.prototype.projectedVolume = 0;

            SymbolState.create = function(properties) {
                return new SymbolState(properties);
            };

            SymbolState.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(10).string(message.symbol);
                if (message.lastPrice != null && $Object.hasOwnProperty.call(message, "lastPrice") && message.lastPrice !== 0)
                    writer.uint32(16).uint32(message.lastPrice);
                if (message.lastVolume != null && $Object.hasOwnProperty.call(message, "lastVolume") && !$Object.is(message.lastVolume, 0))
                    writer.uint32(25).double(message.lastVolume);
                if (message.change != null && $Object.hasOwnProperty.call(message, "change") && message.change !== 0)
                    writer.uint32(32).sint32(message.change);
                if (message.changePct != null && $Object.hasOwnProperty.call(message, "changePct") && !$Object.is(message.changePct, 0))
                    writer.uint32(41).double(message.changePct);
                if (message.reference != null && $Object.hasOwnProperty.call(message, "reference") && message.reference !== 0)
                    writer.uint32(48).uint32(message.reference);
                if (message.ceiling != null && $Object.hasOwnProperty.call(message, "ceiling") && message.ceiling !== 0)
                    writer.uint32(56).uint32(message.ceiling);
                if (message.floor != null && $Object.hasOwnProperty.call(message, "floor") && message.floor !== 0)
                    writer.uint32(64).uint32(message.floor);
                if (message.open != null && $Object.hasOwnProperty.call(message, "open") && message.open !== 0)
                    writer.uint32(72).uint32(message.open);
                if (message.high != null && $Object.hasOwnProperty.call(message, "high") && message.high !== 0)
                    writer.uint32(80).uint32(message.high);
                if (message.low != null && $Object.hasOwnProperty.call(message, "low") && message.low !== 0)
                    writer.uint32(88).uint32(message.low);
                if (message.bids != null && message.bids.length)
                    for (let i = 0; i < message.bids.length; ++i)
                        $root.boardcast.v1.PriceLevel.encode(message.bids[i], writer.uint32(98).fork(), _depth + 1).ldelim();
                if (message.asks != null && message.asks.length)
                    for (let i = 0; i < message.asks.length; ++i)
                        $root.boardcast.v1.PriceLevel.encode(message.asks[i], writer.uint32(106).fork(), _depth + 1).ldelim();
                if (message.totalVolume != null && $Object.hasOwnProperty.call(message, "totalVolume") && !$Object.is(message.totalVolume, 0))
                    writer.uint32(113).double(message.totalVolume);
                if (message.totalValue != null && $Object.hasOwnProperty.call(message, "totalValue") && !$Object.is(message.totalValue, 0))
                    writer.uint32(121).double(message.totalValue);
                if (message.ato != null && $Object.hasOwnProperty.call(message, "ato"))
                    $root.boardcast.v1.ActiveFlow.encode(message.ato, writer.uint32(130).fork(), _depth + 1).ldelim();
                if (message.continuous != null && $Object.hasOwnProperty.call(message, "continuous"))
                    $root.boardcast.v1.ActiveFlow.encode(message.continuous, writer.uint32(138).fork(), _depth + 1).ldelim();
                if (message.atc != null && $Object.hasOwnProperty.call(message, "atc"))
                    $root.boardcast.v1.ActiveFlow.encode(message.atc, writer.uint32(146).fork(), _depth + 1).ldelim();
                if (message.foreign != null && $Object.hasOwnProperty.call(message, "foreign"))
                    $root.boardcast.v1.SymbolForeign.encode(message.foreign, writer.uint32(154).fork(), _depth + 1).ldelim();
                if (message.updatedAtMs != null && $Object.hasOwnProperty.call(message, "updatedAtMs") && !$Object.is(message.updatedAtMs, 0))
                    writer.uint32(161).double(message.updatedAtMs);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(168).int32(message.status);
                if (message.projectedPrice != null && $Object.hasOwnProperty.call(message, "projectedPrice") && message.projectedPrice !== 0)
                    writer.uint32(176).uint32(message.projectedPrice);
                if (message.projectedVolume != null && $Object.hasOwnProperty.call(message, "projectedVolume") && !$Object.is(message.projectedVolume, 0))
                    writer.uint32(185).double(message.projectedVolume);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SymbolState.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.SymbolState();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.lastPrice = value;
                            else
                                delete message.lastPrice;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.lastVolume = value;
                            else
                                delete message.lastVolume;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.sint32())
                                message.change = value;
                            else
                                delete message.change;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.changePct = value;
                            else
                                delete message.changePct;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.reference = value;
                            else
                                delete message.reference;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.ceiling = value;
                            else
                                delete message.ceiling;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.floor = value;
                            else
                                delete message.floor;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.open = value;
                            else
                                delete message.open;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.high = value;
                            else
                                delete message.high;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.low = value;
                            else
                                delete message.low;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if (!(message.bids && message.bids.length))
                                message.bids = [];
                            message.bids.push($root.boardcast.v1.PriceLevel.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            if (!(message.asks && message.asks.length))
                                message.asks = [];
                            message.asks.push($root.boardcast.v1.PriceLevel.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 14: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.totalVolume = value;
                            else
                                delete message.totalVolume;
                            continue;
                        }
                    case 15: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.totalValue = value;
                            else
                                delete message.totalValue;
                            continue;
                        }
                    case 16: {
                            if (wireType !== 2)
                                break;
                            message.ato = $root.boardcast.v1.ActiveFlow.decode(reader, reader.size(), $undefined, _depth + 1, message.ato);
                            continue;
                        }
                    case 17: {
                            if (wireType !== 2)
                                break;
                            message.continuous = $root.boardcast.v1.ActiveFlow.decode(reader, reader.size(), $undefined, _depth + 1, message.continuous);
                            continue;
                        }
                    case 18: {
                            if (wireType !== 2)
                                break;
                            message.atc = $root.boardcast.v1.ActiveFlow.decode(reader, reader.size(), $undefined, _depth + 1, message.atc);
                            continue;
                        }
                    case 19: {
                            if (wireType !== 2)
                                break;
                            message.foreign = $root.boardcast.v1.SymbolForeign.decode(reader, reader.size(), $undefined, _depth + 1, message.foreign);
                            continue;
                        }
                    case 20: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.updatedAtMs = value;
                            else
                                delete message.updatedAtMs;
                            continue;
                        }
                    case 21: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 22: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.projectedPrice = value;
                            else
                                delete message.projectedPrice;
                            continue;
                        }
                    case 23: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.projectedVolume = value;
                            else
                                delete message.projectedVolume;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            SymbolState.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.SymbolState)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.SymbolState: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.SymbolState();
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                if (object.lastPrice != null)
                    if ($Number(object.lastPrice) !== 0)
                        message.lastPrice = object.lastPrice >>> 0;
                if (object.lastVolume != null)
                    if (!$Object.is($Number(object.lastVolume), 0))
                        message.lastVolume = $Number(object.lastVolume);
                if (object.change != null)
                    if ($Number(object.change) !== 0)
                        message.change = object.change | 0;
                if (object.changePct != null)
                    if (!$Object.is($Number(object.changePct), 0))
                        message.changePct = $Number(object.changePct);
                if (object.reference != null)
                    if ($Number(object.reference) !== 0)
                        message.reference = object.reference >>> 0;
                if (object.ceiling != null)
                    if ($Number(object.ceiling) !== 0)
                        message.ceiling = object.ceiling >>> 0;
                if (object.floor != null)
                    if ($Number(object.floor) !== 0)
                        message.floor = object.floor >>> 0;
                if (object.open != null)
                    if ($Number(object.open) !== 0)
                        message.open = object.open >>> 0;
                if (object.high != null)
                    if ($Number(object.high) !== 0)
                        message.high = object.high >>> 0;
                if (object.low != null)
                    if ($Number(object.low) !== 0)
                        message.low = object.low >>> 0;
                if (object.bids) {
                    if (!$Array.isArray(object.bids))
                        throw $TypeError(".boardcast.v1.SymbolState.bids: array expected");
                    message.bids = $Array(object.bids.length);
                    for (let i = 0; i < object.bids.length; ++i) {
                        if (!$util.isObject(object.bids[i]))
                            throw $TypeError(".boardcast.v1.SymbolState.bids: object expected");
                        message.bids[i] = $root.boardcast.v1.PriceLevel.fromObject(object.bids[i], _depth + 1);
                    }
                }
                if (object.asks) {
                    if (!$Array.isArray(object.asks))
                        throw $TypeError(".boardcast.v1.SymbolState.asks: array expected");
                    message.asks = $Array(object.asks.length);
                    for (let i = 0; i < object.asks.length; ++i) {
                        if (!$util.isObject(object.asks[i]))
                            throw $TypeError(".boardcast.v1.SymbolState.asks: object expected");
                        message.asks[i] = $root.boardcast.v1.PriceLevel.fromObject(object.asks[i], _depth + 1);
                    }
                }
                if (object.totalVolume != null)
                    if (!$Object.is($Number(object.totalVolume), 0))
                        message.totalVolume = $Number(object.totalVolume);
                if (object.totalValue != null)
                    if (!$Object.is($Number(object.totalValue), 0))
                        message.totalValue = $Number(object.totalValue);
                if (object.ato != null) {
                    if (!$util.isObject(object.ato))
                        throw $TypeError(".boardcast.v1.SymbolState.ato: object expected");
                    message.ato = $root.boardcast.v1.ActiveFlow.fromObject(object.ato, _depth + 1);
                }
                if (object.continuous != null) {
                    if (!$util.isObject(object.continuous))
                        throw $TypeError(".boardcast.v1.SymbolState.continuous: object expected");
                    message.continuous = $root.boardcast.v1.ActiveFlow.fromObject(object.continuous, _depth + 1);
                }
                if (object.atc != null) {
                    if (!$util.isObject(object.atc))
                        throw $TypeError(".boardcast.v1.SymbolState.atc: object expected");
                    message.atc = $root.boardcast.v1.ActiveFlow.fromObject(object.atc, _depth + 1);
                }
                if (object.foreign != null) {
                    if (!$util.isObject(object.foreign))
                        throw $TypeError(".boardcast.v1.SymbolState.foreign: object expected");
                    message.foreign = $root.boardcast.v1.SymbolForeign.fromObject(object.foreign, _depth + 1);
                }
                if (object.updatedAtMs != null)
                    if (!$Object.is($Number(object.updatedAtMs), 0))
                        message.updatedAtMs = $Number(object.updatedAtMs);
                if (object.status !== 0 && (typeof object.status !== "string" || $root.boardcast.v1.SymbolStatus[object.status] !== 0))
                    switch (object.status) {
                    case "STATUS_UNSPECIFIED":
                    case 0:
                        message.status = 0;
                        break;
                    case "STATUS_NORMAL":
                    case 1:
                        message.status = 1;
                        break;
                    case "STATUS_HALTED":
                    case 2:
                        message.status = 2;
                        break;
                    case "STATUS_SUSPENDED":
                    case 3:
                        message.status = 3;
                        break;
                    case "STATUS_DELISTED":
                    case 4:
                        message.status = 4;
                        break;
                    case "STATUS_SPECIAL":
                    case 5:
                        message.status = 5;
                        break;
                    default:
                        if (typeof object.status === "number" && (object.status | 0) === object.status)
                            message.status = object.status;
                    }
                if (object.projectedPrice != null)
                    if ($Number(object.projectedPrice) !== 0)
                        message.projectedPrice = object.projectedPrice >>> 0;
                if (object.projectedVolume != null)
                    if (!$Object.is($Number(object.projectedVolume), 0))
                        message.projectedVolume = $Number(object.projectedVolume);
                return message;
            };

            SymbolState.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.bids = [];
                    object.asks = [];
                }
                if (options.defaults) {
                    object.symbol = "";
                    object.lastPrice = 0;
                    object.lastVolume = 0;
                    object.change = 0;
                    object.changePct = 0;
                    object.reference = 0;
                    object.ceiling = 0;
                    object.floor = 0;
                    object.open = 0;
                    object.high = 0;
                    object.low = 0;
                    object.totalVolume = 0;
                    object.totalValue = 0;
                    object.ato = null;
                    object.continuous = null;
                    object.atc = null;
                    object.foreign = null;
                    object.updatedAtMs = 0;
                    object.status = options.enums === $String ? "STATUS_UNSPECIFIED" : 0;
                    object.projectedPrice = 0;
                    object.projectedVolume = 0;
                }
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.lastPrice != null && $Object.hasOwnProperty.call(message, "lastPrice"))
                    object.lastPrice = message.lastPrice;
                if (message.lastVolume != null && $Object.hasOwnProperty.call(message, "lastVolume"))
                    object.lastVolume = options.json && !$isFinite(message.lastVolume) ? $String(message.lastVolume) : message.lastVolume;
                if (message.change != null && $Object.hasOwnProperty.call(message, "change"))
                    object.change = message.change;
                if (message.changePct != null && $Object.hasOwnProperty.call(message, "changePct"))
                    object.changePct = options.json && !$isFinite(message.changePct) ? $String(message.changePct) : message.changePct;
                if (message.reference != null && $Object.hasOwnProperty.call(message, "reference"))
                    object.reference = message.reference;
                if (message.ceiling != null && $Object.hasOwnProperty.call(message, "ceiling"))
                    object.ceiling = message.ceiling;
                if (message.floor != null && $Object.hasOwnProperty.call(message, "floor"))
                    object.floor = message.floor;
                if (message.open != null && $Object.hasOwnProperty.call(message, "open"))
                    object.open = message.open;
                if (message.high != null && $Object.hasOwnProperty.call(message, "high"))
                    object.high = message.high;
                if (message.low != null && $Object.hasOwnProperty.call(message, "low"))
                    object.low = message.low;
                if (message.bids && message.bids.length) {
                    object.bids = $Array(message.bids.length);
                    for (let j = 0; j < message.bids.length; ++j)
                        object.bids[j] = $root.boardcast.v1.PriceLevel.toObject(message.bids[j], options, _depth + 1);
                }
                if (message.asks && message.asks.length) {
                    object.asks = $Array(message.asks.length);
                    for (let j = 0; j < message.asks.length; ++j)
                        object.asks[j] = $root.boardcast.v1.PriceLevel.toObject(message.asks[j], options, _depth + 1);
                }
                if (message.totalVolume != null && $Object.hasOwnProperty.call(message, "totalVolume"))
                    object.totalVolume = options.json && !$isFinite(message.totalVolume) ? $String(message.totalVolume) : message.totalVolume;
                if (message.totalValue != null && $Object.hasOwnProperty.call(message, "totalValue"))
                    object.totalValue = options.json && !$isFinite(message.totalValue) ? $String(message.totalValue) : message.totalValue;
                if (message.ato != null && $Object.hasOwnProperty.call(message, "ato"))
                    object.ato = $root.boardcast.v1.ActiveFlow.toObject(message.ato, options, _depth + 1);
                if (message.continuous != null && $Object.hasOwnProperty.call(message, "continuous"))
                    object.continuous = $root.boardcast.v1.ActiveFlow.toObject(message.continuous, options, _depth + 1);
                if (message.atc != null && $Object.hasOwnProperty.call(message, "atc"))
                    object.atc = $root.boardcast.v1.ActiveFlow.toObject(message.atc, options, _depth + 1);
                if (message.foreign != null && $Object.hasOwnProperty.call(message, "foreign"))
                    object.foreign = $root.boardcast.v1.SymbolForeign.toObject(message.foreign, options, _depth + 1);
                if (message.updatedAtMs != null && $Object.hasOwnProperty.call(message, "updatedAtMs"))
                    object.updatedAtMs = options.json && !$isFinite(message.updatedAtMs) ? $String(message.updatedAtMs) : message.updatedAtMs;
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === $String ? $root.boardcast.v1.SymbolStatus[message.status] === $undefined ? message.status : $root.boardcast.v1.SymbolStatus[message.status] : message.status;
                if (message.projectedPrice != null && $Object.hasOwnProperty.call(message, "projectedPrice"))
                    object.projectedPrice = message.projectedPrice;
                if (message.projectedVolume != null && $Object.hasOwnProperty.call(message, "projectedVolume"))
                    object.projectedVolume = options.json && !$isFinite(message.projectedVolume) ? $String(message.projectedVolume) : message.projectedVolume;
                return object;
            };

            SymbolState.prototype.toJSON = function() {
                return SymbolState.toObject(this, $protobuf.util.toJSONOptions);
            };

            SymbolState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.SymbolState";
            };

            return SymbolState;
        })();

        v1.IndexPoint = (function() {

            const IndexPoint = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            IndexPoint.prototype.timeMs = 0;
            IndexPoint.prototype.value = 0;

            IndexPoint.create = function(properties) {
                return new IndexPoint(properties);
            };

            IndexPoint.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && !$Object.is(message.timeMs, 0))
                    writer.uint32(9).double(message.timeMs);
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && !$Object.is(message.value, 0))
                    writer.uint32(17).double(message.value);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            IndexPoint.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.IndexPoint();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            IndexPoint.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.IndexPoint)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.IndexPoint: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.IndexPoint();
                if (object.timeMs != null)
                    if (!$Object.is($Number(object.timeMs), 0))
                        message.timeMs = $Number(object.timeMs);
                if (object.value != null)
                    if (!$Object.is($Number(object.value), 0))
                        message.value = $Number(object.value);
                return message;
            };

            IndexPoint.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.timeMs = 0;
                    object.value = 0;
                }
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    object.timeMs = options.json && !$isFinite(message.timeMs) ? $String(message.timeMs) : message.timeMs;
                if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                    object.value = options.json && !$isFinite(message.value) ? $String(message.value) : message.value;
                return object;
            };

            IndexPoint.prototype.toJSON = function() {
                return IndexPoint.toObject(this, $protobuf.util.toJSONOptions);
            };

            IndexPoint.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.IndexPoint";
            };

            return IndexPoint;
        })();

        v1.IndexState = (function() {

            const IndexState = function (properties) {
                this.intraday = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            IndexState.prototype.id = "";
            IndexState.prototype.value = 0;
            IndexState.prototype.priorValue = 0;
            IndexState.prototype.change = 0;
            IndexState.prototype.changePct = 0;
            IndexState.prototype.totalVolume = 0;
            IndexState.prototype.totalValue = 0;
            IndexState.prototype.advances = 0;
            IndexState.prototype.declines = 0;
            IndexState.prototype.unchanged = 0;
            IndexState.prototype.advanceRatio = 0;
            IndexState.prototype.intraday = $util.emptyArray;
            IndexState.prototype.ceilings = 0;
            IndexState.prototype.floors = 0;

            IndexState.create = function(properties) {
                return new IndexState(properties);
            };

            IndexState.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                    writer.uint32(10).string(message.id);
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && !$Object.is(message.value, 0))
                    writer.uint32(17).double(message.value);
                if (message.priorValue != null && $Object.hasOwnProperty.call(message, "priorValue") && !$Object.is(message.priorValue, 0))
                    writer.uint32(25).double(message.priorValue);
                if (message.change != null && $Object.hasOwnProperty.call(message, "change") && !$Object.is(message.change, 0))
                    writer.uint32(33).double(message.change);
                if (message.changePct != null && $Object.hasOwnProperty.call(message, "changePct") && !$Object.is(message.changePct, 0))
                    writer.uint32(41).double(message.changePct);
                if (message.totalVolume != null && $Object.hasOwnProperty.call(message, "totalVolume") && !$Object.is(message.totalVolume, 0))
                    writer.uint32(49).double(message.totalVolume);
                if (message.totalValue != null && $Object.hasOwnProperty.call(message, "totalValue") && !$Object.is(message.totalValue, 0))
                    writer.uint32(57).double(message.totalValue);
                if (message.advances != null && $Object.hasOwnProperty.call(message, "advances") && message.advances !== 0)
                    writer.uint32(64).uint32(message.advances);
                if (message.declines != null && $Object.hasOwnProperty.call(message, "declines") && message.declines !== 0)
                    writer.uint32(72).uint32(message.declines);
                if (message.unchanged != null && $Object.hasOwnProperty.call(message, "unchanged") && message.unchanged !== 0)
                    writer.uint32(80).uint32(message.unchanged);
                if (message.advanceRatio != null && $Object.hasOwnProperty.call(message, "advanceRatio") && !$Object.is(message.advanceRatio, 0))
                    writer.uint32(89).double(message.advanceRatio);
                if (message.intraday != null && message.intraday.length)
                    for (let i = 0; i < message.intraday.length; ++i)
                        $root.boardcast.v1.IndexPoint.encode(message.intraday[i], writer.uint32(98).fork(), _depth + 1).ldelim();
                if (message.ceilings != null && $Object.hasOwnProperty.call(message, "ceilings") && message.ceilings !== 0)
                    writer.uint32(104).uint32(message.ceilings);
                if (message.floors != null && $Object.hasOwnProperty.call(message, "floors") && message.floors !== 0)
                    writer.uint32(112).uint32(message.floors);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            IndexState.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.IndexState();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.priorValue = value;
                            else
                                delete message.priorValue;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.change = value;
                            else
                                delete message.change;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.changePct = value;
                            else
                                delete message.changePct;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.totalVolume = value;
                            else
                                delete message.totalVolume;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.totalValue = value;
                            else
                                delete message.totalValue;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.advances = value;
                            else
                                delete message.advances;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.declines = value;
                            else
                                delete message.declines;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.unchanged = value;
                            else
                                delete message.unchanged;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.advanceRatio = value;
                            else
                                delete message.advanceRatio;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if (!(message.intraday && message.intraday.length))
                                message.intraday = [];
                            message.intraday.push($root.boardcast.v1.IndexPoint.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 13: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.ceilings = value;
                            else
                                delete message.ceilings;
                            continue;
                        }
                    case 14: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.floors = value;
                            else
                                delete message.floors;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            IndexState.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.IndexState)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.IndexState: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.IndexState();
                if (object.id != null)
                    if (typeof object.id !== "string" || object.id.length)
                        message.id = $String(object.id);
                if (object.value != null)
                    if (!$Object.is($Number(object.value), 0))
                        message.value = $Number(object.value);
                if (object.priorValue != null)
                    if (!$Object.is($Number(object.priorValue), 0))
                        message.priorValue = $Number(object.priorValue);
                if (object.change != null)
                    if (!$Object.is($Number(object.change), 0))
                        message.change = $Number(object.change);
                if (object.changePct != null)
                    if (!$Object.is($Number(object.changePct), 0))
                        message.changePct = $Number(object.changePct);
                if (object.totalVolume != null)
                    if (!$Object.is($Number(object.totalVolume), 0))
                        message.totalVolume = $Number(object.totalVolume);
                if (object.totalValue != null)
                    if (!$Object.is($Number(object.totalValue), 0))
                        message.totalValue = $Number(object.totalValue);
                if (object.advances != null)
                    if ($Number(object.advances) !== 0)
                        message.advances = object.advances >>> 0;
                if (object.declines != null)
                    if ($Number(object.declines) !== 0)
                        message.declines = object.declines >>> 0;
                if (object.unchanged != null)
                    if ($Number(object.unchanged) !== 0)
                        message.unchanged = object.unchanged >>> 0;
                if (object.advanceRatio != null)
                    if (!$Object.is($Number(object.advanceRatio), 0))
                        message.advanceRatio = $Number(object.advanceRatio);
                if (object.intraday) {
                    if (!$Array.isArray(object.intraday))
                        throw $TypeError(".boardcast.v1.IndexState.intraday: array expected");
                    message.intraday = $Array(object.intraday.length);
                    for (let i = 0; i < object.intraday.length; ++i) {
                        if (!$util.isObject(object.intraday[i]))
                            throw $TypeError(".boardcast.v1.IndexState.intraday: object expected");
                        message.intraday[i] = $root.boardcast.v1.IndexPoint.fromObject(object.intraday[i], _depth + 1);
                    }
                }
                if (object.ceilings != null)
                    if ($Number(object.ceilings) !== 0)
                        message.ceilings = object.ceilings >>> 0;
                if (object.floors != null)
                    if ($Number(object.floors) !== 0)
                        message.floors = object.floors >>> 0;
                return message;
            };

            IndexState.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.intraday = [];
                if (options.defaults) {
                    object.id = "";
                    object.value = 0;
                    object.priorValue = 0;
                    object.change = 0;
                    object.changePct = 0;
                    object.totalVolume = 0;
                    object.totalValue = 0;
                    object.advances = 0;
                    object.declines = 0;
                    object.unchanged = 0;
                    object.advanceRatio = 0;
                    object.ceilings = 0;
                    object.floors = 0;
                }
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                    object.value = options.json && !$isFinite(message.value) ? $String(message.value) : message.value;
                if (message.priorValue != null && $Object.hasOwnProperty.call(message, "priorValue"))
                    object.priorValue = options.json && !$isFinite(message.priorValue) ? $String(message.priorValue) : message.priorValue;
                if (message.change != null && $Object.hasOwnProperty.call(message, "change"))
                    object.change = options.json && !$isFinite(message.change) ? $String(message.change) : message.change;
                if (message.changePct != null && $Object.hasOwnProperty.call(message, "changePct"))
                    object.changePct = options.json && !$isFinite(message.changePct) ? $String(message.changePct) : message.changePct;
                if (message.totalVolume != null && $Object.hasOwnProperty.call(message, "totalVolume"))
                    object.totalVolume = options.json && !$isFinite(message.totalVolume) ? $String(message.totalVolume) : message.totalVolume;
                if (message.totalValue != null && $Object.hasOwnProperty.call(message, "totalValue"))
                    object.totalValue = options.json && !$isFinite(message.totalValue) ? $String(message.totalValue) : message.totalValue;
                if (message.advances != null && $Object.hasOwnProperty.call(message, "advances"))
                    object.advances = message.advances;
                if (message.declines != null && $Object.hasOwnProperty.call(message, "declines"))
                    object.declines = message.declines;
                if (message.unchanged != null && $Object.hasOwnProperty.call(message, "unchanged"))
                    object.unchanged = message.unchanged;
                if (message.advanceRatio != null && $Object.hasOwnProperty.call(message, "advanceRatio"))
                    object.advanceRatio = options.json && !$isFinite(message.advanceRatio) ? $String(message.advanceRatio) : message.advanceRatio;
                if (message.intraday && message.intraday.length) {
                    object.intraday = $Array(message.intraday.length);
                    for (let j = 0; j < message.intraday.length; ++j)
                        object.intraday[j] = $root.boardcast.v1.IndexPoint.toObject(message.intraday[j], options, _depth + 1);
                }
                if (message.ceilings != null && $Object.hasOwnProperty.call(message, "ceilings"))
                    object.ceilings = message.ceilings;
                if (message.floors != null && $Object.hasOwnProperty.call(message, "floors"))
                    object.floors = message.floors;
                return object;
            };

            IndexState.prototype.toJSON = function() {
                return IndexState.toObject(this, $protobuf.util.toJSONOptions);
            };

            IndexState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.IndexState";
            };

            return IndexState;
        })();

        v1.ForeignRank = (function() {

            const ForeignRank = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ForeignRank.prototype.symbol = "";
            ForeignRank.prototype.netValue = 0;
            ForeignRank.prototype.netVolume = 0;

            ForeignRank.create = function(properties) {
                return new ForeignRank(properties);
            };

            ForeignRank.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(10).string(message.symbol);
                if (message.netValue != null && $Object.hasOwnProperty.call(message, "netValue") && !$Object.is(message.netValue, 0))
                    writer.uint32(17).double(message.netValue);
                if (message.netVolume != null && $Object.hasOwnProperty.call(message, "netVolume") && !$Object.is(message.netVolume, 0))
                    writer.uint32(25).double(message.netVolume);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ForeignRank.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.ForeignRank();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.netValue = value;
                            else
                                delete message.netValue;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.netVolume = value;
                            else
                                delete message.netVolume;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            ForeignRank.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.ForeignRank)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.ForeignRank: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.ForeignRank();
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                if (object.netValue != null)
                    if (!$Object.is($Number(object.netValue), 0))
                        message.netValue = $Number(object.netValue);
                if (object.netVolume != null)
                    if (!$Object.is($Number(object.netVolume), 0))
                        message.netVolume = $Number(object.netVolume);
                return message;
            };

            ForeignRank.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.symbol = "";
                    object.netValue = 0;
                    object.netVolume = 0;
                }
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.netValue != null && $Object.hasOwnProperty.call(message, "netValue"))
                    object.netValue = options.json && !$isFinite(message.netValue) ? $String(message.netValue) : message.netValue;
                if (message.netVolume != null && $Object.hasOwnProperty.call(message, "netVolume"))
                    object.netVolume = options.json && !$isFinite(message.netVolume) ? $String(message.netVolume) : message.netVolume;
                return object;
            };

            ForeignRank.prototype.toJSON = function() {
                return ForeignRank.toObject(this, $protobuf.util.toJSONOptions);
            };

            ForeignRank.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.ForeignRank";
            };

            return ForeignRank;
        })();

        v1.ForeignSummary = (function() {

            const ForeignSummary = function (properties) {
                this.topBuyers = [];
                this.topSellers = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ForeignSummary.prototype.buyVolume = 0;
            ForeignSummary.prototype.sellVolume = 0;
            ForeignSummary.prototype.buyValue = 0;
            ForeignSummary.prototype.sellValue = 0;
            ForeignSummary.prototype.netVolume = 0;
            ForeignSummary.prototype.netValue = 0;
            ForeignSummary.prototype.topBuyers = $util.emptyArray;
            ForeignSummary.prototype.topSellers = $util.emptyArray;

            ForeignSummary.create = function(properties) {
                return new ForeignSummary(properties);
            };

            ForeignSummary.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.buyVolume != null && $Object.hasOwnProperty.call(message, "buyVolume") && !$Object.is(message.buyVolume, 0))
                    writer.uint32(9).double(message.buyVolume);
                if (message.sellVolume != null && $Object.hasOwnProperty.call(message, "sellVolume") && !$Object.is(message.sellVolume, 0))
                    writer.uint32(17).double(message.sellVolume);
                if (message.buyValue != null && $Object.hasOwnProperty.call(message, "buyValue") && !$Object.is(message.buyValue, 0))
                    writer.uint32(25).double(message.buyValue);
                if (message.sellValue != null && $Object.hasOwnProperty.call(message, "sellValue") && !$Object.is(message.sellValue, 0))
                    writer.uint32(33).double(message.sellValue);
                if (message.netVolume != null && $Object.hasOwnProperty.call(message, "netVolume") && !$Object.is(message.netVolume, 0))
                    writer.uint32(41).double(message.netVolume);
                if (message.netValue != null && $Object.hasOwnProperty.call(message, "netValue") && !$Object.is(message.netValue, 0))
                    writer.uint32(49).double(message.netValue);
                if (message.topBuyers != null && message.topBuyers.length)
                    for (let i = 0; i < message.topBuyers.length; ++i)
                        $root.boardcast.v1.ForeignRank.encode(message.topBuyers[i], writer.uint32(58).fork(), _depth + 1).ldelim();
                if (message.topSellers != null && message.topSellers.length)
                    for (let i = 0; i < message.topSellers.length; ++i)
                        $root.boardcast.v1.ForeignRank.encode(message.topSellers[i], writer.uint32(66).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ForeignSummary.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.ForeignSummary();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.buyVolume = value;
                            else
                                delete message.buyVolume;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.sellVolume = value;
                            else
                                delete message.sellVolume;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.buyValue = value;
                            else
                                delete message.buyValue;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.sellValue = value;
                            else
                                delete message.sellValue;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.netVolume = value;
                            else
                                delete message.netVolume;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.netValue = value;
                            else
                                delete message.netValue;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if (!(message.topBuyers && message.topBuyers.length))
                                message.topBuyers = [];
                            message.topBuyers.push($root.boardcast.v1.ForeignRank.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if (!(message.topSellers && message.topSellers.length))
                                message.topSellers = [];
                            message.topSellers.push($root.boardcast.v1.ForeignRank.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            ForeignSummary.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.ForeignSummary)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.ForeignSummary: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.ForeignSummary();
                if (object.buyVolume != null)
                    if (!$Object.is($Number(object.buyVolume), 0))
                        message.buyVolume = $Number(object.buyVolume);
                if (object.sellVolume != null)
                    if (!$Object.is($Number(object.sellVolume), 0))
                        message.sellVolume = $Number(object.sellVolume);
                if (object.buyValue != null)
                    if (!$Object.is($Number(object.buyValue), 0))
                        message.buyValue = $Number(object.buyValue);
                if (object.sellValue != null)
                    if (!$Object.is($Number(object.sellValue), 0))
                        message.sellValue = $Number(object.sellValue);
                if (object.netVolume != null)
                    if (!$Object.is($Number(object.netVolume), 0))
                        message.netVolume = $Number(object.netVolume);
                if (object.netValue != null)
                    if (!$Object.is($Number(object.netValue), 0))
                        message.netValue = $Number(object.netValue);
                if (object.topBuyers) {
                    if (!$Array.isArray(object.topBuyers))
                        throw $TypeError(".boardcast.v1.ForeignSummary.topBuyers: array expected");
                    message.topBuyers = $Array(object.topBuyers.length);
                    for (let i = 0; i < object.topBuyers.length; ++i) {
                        if (!$util.isObject(object.topBuyers[i]))
                            throw $TypeError(".boardcast.v1.ForeignSummary.topBuyers: object expected");
                        message.topBuyers[i] = $root.boardcast.v1.ForeignRank.fromObject(object.topBuyers[i], _depth + 1);
                    }
                }
                if (object.topSellers) {
                    if (!$Array.isArray(object.topSellers))
                        throw $TypeError(".boardcast.v1.ForeignSummary.topSellers: array expected");
                    message.topSellers = $Array(object.topSellers.length);
                    for (let i = 0; i < object.topSellers.length; ++i) {
                        if (!$util.isObject(object.topSellers[i]))
                            throw $TypeError(".boardcast.v1.ForeignSummary.topSellers: object expected");
                        message.topSellers[i] = $root.boardcast.v1.ForeignRank.fromObject(object.topSellers[i], _depth + 1);
                    }
                }
                return message;
            };

            ForeignSummary.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.topBuyers = [];
                    object.topSellers = [];
                }
                if (options.defaults) {
                    object.buyVolume = 0;
                    object.sellVolume = 0;
                    object.buyValue = 0;
                    object.sellValue = 0;
                    object.netVolume = 0;
                    object.netValue = 0;
                }
                if (message.buyVolume != null && $Object.hasOwnProperty.call(message, "buyVolume"))
                    object.buyVolume = options.json && !$isFinite(message.buyVolume) ? $String(message.buyVolume) : message.buyVolume;
                if (message.sellVolume != null && $Object.hasOwnProperty.call(message, "sellVolume"))
                    object.sellVolume = options.json && !$isFinite(message.sellVolume) ? $String(message.sellVolume) : message.sellVolume;
                if (message.buyValue != null && $Object.hasOwnProperty.call(message, "buyValue"))
                    object.buyValue = options.json && !$isFinite(message.buyValue) ? $String(message.buyValue) : message.buyValue;
                if (message.sellValue != null && $Object.hasOwnProperty.call(message, "sellValue"))
                    object.sellValue = options.json && !$isFinite(message.sellValue) ? $String(message.sellValue) : message.sellValue;
                if (message.netVolume != null && $Object.hasOwnProperty.call(message, "netVolume"))
                    object.netVolume = options.json && !$isFinite(message.netVolume) ? $String(message.netVolume) : message.netVolume;
                if (message.netValue != null && $Object.hasOwnProperty.call(message, "netValue"))
                    object.netValue = options.json && !$isFinite(message.netValue) ? $String(message.netValue) : message.netValue;
                if (message.topBuyers && message.topBuyers.length) {
                    object.topBuyers = $Array(message.topBuyers.length);
                    for (let j = 0; j < message.topBuyers.length; ++j)
                        object.topBuyers[j] = $root.boardcast.v1.ForeignRank.toObject(message.topBuyers[j], options, _depth + 1);
                }
                if (message.topSellers && message.topSellers.length) {
                    object.topSellers = $Array(message.topSellers.length);
                    for (let j = 0; j < message.topSellers.length; ++j)
                        object.topSellers[j] = $root.boardcast.v1.ForeignRank.toObject(message.topSellers[j], options, _depth + 1);
                }
                return object;
            };

            ForeignSummary.prototype.toJSON = function() {
                return ForeignSummary.toObject(this, $protobuf.util.toJSONOptions);
            };

            ForeignSummary.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.ForeignSummary";
            };

            return ForeignSummary;
        })();

        v1.Derivatives = (function() {

            const Derivatives = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Derivatives.prototype.symbol = "";
            Derivatives.prototype.expiryDate = "";
            Derivatives.prototype.last = 0;
            Derivatives.prototype.change = 0;
            Derivatives.prototype.changePct = 0;
            Derivatives.prototype.reference = 0;
            Derivatives.prototype.totalVolume = 0;
            Derivatives.prototype.bid = 0;
            Derivatives.prototype.ask = 0;
            Derivatives.prototype.basis = 0;
            Derivatives.prototype.basisPct = 0;
            Derivatives.prototype.premium = 0;
            Derivatives.prototype.openInterest = 0;
            Derivatives.prototype.feedCode = "";

            Derivatives.create = function(properties) {
                return new Derivatives(properties);
            };

            Derivatives.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(10).string(message.symbol);
                if (message.expiryDate != null && $Object.hasOwnProperty.call(message, "expiryDate") && message.expiryDate !== "")
                    writer.uint32(18).string(message.expiryDate);
                if (message.last != null && $Object.hasOwnProperty.call(message, "last") && !$Object.is(message.last, 0))
                    writer.uint32(33).double(message.last);
                if (message.change != null && $Object.hasOwnProperty.call(message, "change") && !$Object.is(message.change, 0))
                    writer.uint32(41).double(message.change);
                if (message.changePct != null && $Object.hasOwnProperty.call(message, "changePct") && !$Object.is(message.changePct, 0))
                    writer.uint32(49).double(message.changePct);
                if (message.reference != null && $Object.hasOwnProperty.call(message, "reference") && !$Object.is(message.reference, 0))
                    writer.uint32(57).double(message.reference);
                if (message.totalVolume != null && $Object.hasOwnProperty.call(message, "totalVolume") && !$Object.is(message.totalVolume, 0))
                    writer.uint32(65).double(message.totalVolume);
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid") && !$Object.is(message.bid, 0))
                    writer.uint32(73).double(message.bid);
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask") && !$Object.is(message.ask, 0))
                    writer.uint32(81).double(message.ask);
                if (message.basis != null && $Object.hasOwnProperty.call(message, "basis") && !$Object.is(message.basis, 0))
                    writer.uint32(89).double(message.basis);
                if (message.basisPct != null && $Object.hasOwnProperty.call(message, "basisPct") && !$Object.is(message.basisPct, 0))
                    writer.uint32(97).double(message.basisPct);
                if (message.premium != null && $Object.hasOwnProperty.call(message, "premium") && message.premium !== 0)
                    writer.uint32(104).int32(message.premium);
                if (message.openInterest != null && $Object.hasOwnProperty.call(message, "openInterest") && !$Object.is(message.openInterest, 0))
                    writer.uint32(113).double(message.openInterest);
                if (message.feedCode != null && $Object.hasOwnProperty.call(message, "feedCode") && message.feedCode !== "")
                    writer.uint32(122).string(message.feedCode);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Derivatives.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.Derivatives();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.expiryDate = value;
                            else
                                delete message.expiryDate;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.last = value;
                            else
                                delete message.last;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.change = value;
                            else
                                delete message.change;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.changePct = value;
                            else
                                delete message.changePct;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.reference = value;
                            else
                                delete message.reference;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.totalVolume = value;
                            else
                                delete message.totalVolume;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.bid = value;
                            else
                                delete message.bid;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.ask = value;
                            else
                                delete message.ask;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.basis = value;
                            else
                                delete message.basis;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.basisPct = value;
                            else
                                delete message.basisPct;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.premium = value;
                            else
                                delete message.premium;
                            continue;
                        }
                    case 14: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.openInterest = value;
                            else
                                delete message.openInterest;
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.feedCode = value;
                            else
                                delete message.feedCode;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Derivatives.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.Derivatives)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.Derivatives: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.Derivatives();
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                if (object.expiryDate != null)
                    if (typeof object.expiryDate !== "string" || object.expiryDate.length)
                        message.expiryDate = $String(object.expiryDate);
                if (object.last != null)
                    if (!$Object.is($Number(object.last), 0))
                        message.last = $Number(object.last);
                if (object.change != null)
                    if (!$Object.is($Number(object.change), 0))
                        message.change = $Number(object.change);
                if (object.changePct != null)
                    if (!$Object.is($Number(object.changePct), 0))
                        message.changePct = $Number(object.changePct);
                if (object.reference != null)
                    if (!$Object.is($Number(object.reference), 0))
                        message.reference = $Number(object.reference);
                if (object.totalVolume != null)
                    if (!$Object.is($Number(object.totalVolume), 0))
                        message.totalVolume = $Number(object.totalVolume);
                if (object.bid != null)
                    if (!$Object.is($Number(object.bid), 0))
                        message.bid = $Number(object.bid);
                if (object.ask != null)
                    if (!$Object.is($Number(object.ask), 0))
                        message.ask = $Number(object.ask);
                if (object.basis != null)
                    if (!$Object.is($Number(object.basis), 0))
                        message.basis = $Number(object.basis);
                if (object.basisPct != null)
                    if (!$Object.is($Number(object.basisPct), 0))
                        message.basisPct = $Number(object.basisPct);
                if (object.premium !== 0 && (typeof object.premium !== "string" || $root.boardcast.v1.Premium[object.premium] !== 0))
                    switch (object.premium) {
                    case "PREMIUM_UNSPECIFIED":
                    case 0:
                        message.premium = 0;
                        break;
                    case "PREMIUM":
                    case 1:
                        message.premium = 1;
                        break;
                    case "DISCOUNT":
                    case 2:
                        message.premium = 2;
                        break;
                    case "PAR":
                    case 3:
                        message.premium = 3;
                        break;
                    default:
                        if (typeof object.premium === "number" && (object.premium | 0) === object.premium)
                            message.premium = object.premium;
                    }
                if (object.openInterest != null)
                    if (!$Object.is($Number(object.openInterest), 0))
                        message.openInterest = $Number(object.openInterest);
                if (object.feedCode != null)
                    if (typeof object.feedCode !== "string" || object.feedCode.length)
                        message.feedCode = $String(object.feedCode);
                return message;
            };

            Derivatives.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.symbol = "";
                    object.expiryDate = "";
                    object.last = 0;
                    object.change = 0;
                    object.changePct = 0;
                    object.reference = 0;
                    object.totalVolume = 0;
                    object.bid = 0;
                    object.ask = 0;
                    object.basis = 0;
                    object.basisPct = 0;
                    object.premium = options.enums === $String ? "PREMIUM_UNSPECIFIED" : 0;
                    object.openInterest = 0;
                    object.feedCode = "";
                }
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.expiryDate != null && $Object.hasOwnProperty.call(message, "expiryDate"))
                    object.expiryDate = message.expiryDate;
                if (message.last != null && $Object.hasOwnProperty.call(message, "last"))
                    object.last = options.json && !$isFinite(message.last) ? $String(message.last) : message.last;
                if (message.change != null && $Object.hasOwnProperty.call(message, "change"))
                    object.change = options.json && !$isFinite(message.change) ? $String(message.change) : message.change;
                if (message.changePct != null && $Object.hasOwnProperty.call(message, "changePct"))
                    object.changePct = options.json && !$isFinite(message.changePct) ? $String(message.changePct) : message.changePct;
                if (message.reference != null && $Object.hasOwnProperty.call(message, "reference"))
                    object.reference = options.json && !$isFinite(message.reference) ? $String(message.reference) : message.reference;
                if (message.totalVolume != null && $Object.hasOwnProperty.call(message, "totalVolume"))
                    object.totalVolume = options.json && !$isFinite(message.totalVolume) ? $String(message.totalVolume) : message.totalVolume;
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid"))
                    object.bid = options.json && !$isFinite(message.bid) ? $String(message.bid) : message.bid;
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask"))
                    object.ask = options.json && !$isFinite(message.ask) ? $String(message.ask) : message.ask;
                if (message.basis != null && $Object.hasOwnProperty.call(message, "basis"))
                    object.basis = options.json && !$isFinite(message.basis) ? $String(message.basis) : message.basis;
                if (message.basisPct != null && $Object.hasOwnProperty.call(message, "basisPct"))
                    object.basisPct = options.json && !$isFinite(message.basisPct) ? $String(message.basisPct) : message.basisPct;
                if (message.premium != null && $Object.hasOwnProperty.call(message, "premium"))
                    object.premium = options.enums === $String ? $root.boardcast.v1.Premium[message.premium] === $undefined ? message.premium : $root.boardcast.v1.Premium[message.premium] : message.premium;
                if (message.openInterest != null && $Object.hasOwnProperty.call(message, "openInterest"))
                    object.openInterest = options.json && !$isFinite(message.openInterest) ? $String(message.openInterest) : message.openInterest;
                if (message.feedCode != null && $Object.hasOwnProperty.call(message, "feedCode"))
                    object.feedCode = message.feedCode;
                return object;
            };

            Derivatives.prototype.toJSON = function() {
                return Derivatives.toObject(this, $protobuf.util.toJSONOptions);
            };

            Derivatives.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.Derivatives";
            };

            return Derivatives;
        })();

        v1.Premium = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PREMIUM_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PREMIUM"] = 1;
            values[valuesById[2] = "DISCOUNT"] = 2;
            values[valuesById[3] = "PAR"] = 3;
            return values;
        })();

        v1.ClientMessage = (function() {

            const ClientMessage = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ClientMessage.prototype.version = 0;
            ClientMessage.prototype.subscribe = null;
            ClientMessage.prototype.unsubscribe = null;
            ClientMessage.prototype.resync = null;
            ClientMessage.prototype.ping = null;

            let $oneOfFields;

            $Object.defineProperty(ClientMessage.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["subscribe", "unsubscribe", "resync", "ping"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            ClientMessage.create = function(properties) {
                return new ClientMessage(properties);
            };

            ClientMessage.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                    writer.uint32(8).uint32(message.version);
                if (message.subscribe != null && $Object.hasOwnProperty.call(message, "subscribe"))
                    $root.boardcast.v1.Subscribe.encode(message.subscribe, writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.unsubscribe != null && $Object.hasOwnProperty.call(message, "unsubscribe"))
                    $root.boardcast.v1.Unsubscribe.encode(message.unsubscribe, writer.uint32(26).fork(), _depth + 1).ldelim();
                if (message.resync != null && $Object.hasOwnProperty.call(message, "resync"))
                    $root.boardcast.v1.Resync.encode(message.resync, writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.ping != null && $Object.hasOwnProperty.call(message, "ping"))
                    $root.boardcast.v1.Ping.encode(message.ping, writer.uint32(42).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ClientMessage.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.ClientMessage();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.subscribe = $root.boardcast.v1.Subscribe.decode(reader, reader.size(), $undefined, _depth + 1, message.subscribe);
                            message.body = "subscribe";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.unsubscribe = $root.boardcast.v1.Unsubscribe.decode(reader, reader.size(), $undefined, _depth + 1, message.unsubscribe);
                            message.body = "unsubscribe";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.resync = $root.boardcast.v1.Resync.decode(reader, reader.size(), $undefined, _depth + 1, message.resync);
                            message.body = "resync";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.ping = $root.boardcast.v1.Ping.decode(reader, reader.size(), $undefined, _depth + 1, message.ping);
                            message.body = "ping";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            ClientMessage.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.ClientMessage)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.ClientMessage: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.ClientMessage();
                if (object.version != null)
                    if ($Number(object.version) !== 0)
                        message.version = object.version >>> 0;
                if (object.subscribe != null) {
                    if (!$util.isObject(object.subscribe))
                        throw $TypeError(".boardcast.v1.ClientMessage.subscribe: object expected");
                    message.subscribe = $root.boardcast.v1.Subscribe.fromObject(object.subscribe, _depth + 1);
                }
                if (object.unsubscribe != null) {
                    if (!$util.isObject(object.unsubscribe))
                        throw $TypeError(".boardcast.v1.ClientMessage.unsubscribe: object expected");
                    message.unsubscribe = $root.boardcast.v1.Unsubscribe.fromObject(object.unsubscribe, _depth + 1);
                }
                if (object.resync != null) {
                    if (!$util.isObject(object.resync))
                        throw $TypeError(".boardcast.v1.ClientMessage.resync: object expected");
                    message.resync = $root.boardcast.v1.Resync.fromObject(object.resync, _depth + 1);
                }
                if (object.ping != null) {
                    if (!$util.isObject(object.ping))
                        throw $TypeError(".boardcast.v1.ClientMessage.ping: object expected");
                    message.ping = $root.boardcast.v1.Ping.fromObject(object.ping, _depth + 1);
                }
                return message;
            };

            ClientMessage.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.version = 0;
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                if (message.subscribe != null && $Object.hasOwnProperty.call(message, "subscribe")) {
                    object.subscribe = $root.boardcast.v1.Subscribe.toObject(message.subscribe, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "subscribe";
                }
                if (message.unsubscribe != null && $Object.hasOwnProperty.call(message, "unsubscribe")) {
                    object.unsubscribe = $root.boardcast.v1.Unsubscribe.toObject(message.unsubscribe, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "unsubscribe";
                }
                if (message.resync != null && $Object.hasOwnProperty.call(message, "resync")) {
                    object.resync = $root.boardcast.v1.Resync.toObject(message.resync, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "resync";
                }
                if (message.ping != null && $Object.hasOwnProperty.call(message, "ping")) {
                    object.ping = $root.boardcast.v1.Ping.toObject(message.ping, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "ping";
                }
                return object;
            };

            ClientMessage.prototype.toJSON = function() {
                return ClientMessage.toObject(this, $protobuf.util.toJSONOptions);
            };

            ClientMessage.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.ClientMessage";
            };

            return ClientMessage;
        })();

        v1.Subscribe = (function() {

            const Subscribe = function (properties) {
                this.channels = [];
                this.symbols = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Subscribe.prototype.channels = $util.emptyArray;
            Subscribe.prototype.symbols = $util.emptyArray;
            Subscribe.prototype.board = "";

            Subscribe.create = function(properties) {
                return new Subscribe(properties);
            };

            Subscribe.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.channels != null && message.channels.length)
                    for (let i = 0; i < message.channels.length; ++i)
                        writer.uint32(10).string(message.channels[i]);
                if (message.symbols != null && message.symbols.length)
                    for (let i = 0; i < message.symbols.length; ++i)
                        writer.uint32(18).string(message.symbols[i]);
                if (message.board != null && $Object.hasOwnProperty.call(message, "board") && message.board !== "")
                    writer.uint32(26).string(message.board);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Subscribe.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.Subscribe();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.channels && message.channels.length))
                                message.channels = [];
                            message.channels.push(reader.stringVerify());
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.symbols && message.symbols.length))
                                message.symbols = [];
                            message.symbols.push(reader.stringVerify());
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.board = value;
                            else
                                delete message.board;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Subscribe.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.Subscribe)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.Subscribe: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.Subscribe();
                if (object.channels) {
                    if (!$Array.isArray(object.channels))
                        throw $TypeError(".boardcast.v1.Subscribe.channels: array expected");
                    message.channels = $Array(object.channels.length);
                    for (let i = 0; i < object.channels.length; ++i)
                        message.channels[i] = $String(object.channels[i]);
                }
                if (object.symbols) {
                    if (!$Array.isArray(object.symbols))
                        throw $TypeError(".boardcast.v1.Subscribe.symbols: array expected");
                    message.symbols = $Array(object.symbols.length);
                    for (let i = 0; i < object.symbols.length; ++i)
                        message.symbols[i] = $String(object.symbols[i]);
                }
                if (object.board != null)
                    if (typeof object.board !== "string" || object.board.length)
                        message.board = $String(object.board);
                return message;
            };

            Subscribe.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.channels = [];
                    object.symbols = [];
                }
                if (options.defaults)
                    object.board = "";
                if (message.channels && message.channels.length) {
                    object.channels = $Array(message.channels.length);
                    for (let j = 0; j < message.channels.length; ++j)
                        object.channels[j] = message.channels[j];
                }
                if (message.symbols && message.symbols.length) {
                    object.symbols = $Array(message.symbols.length);
                    for (let j = 0; j < message.symbols.length; ++j)
                        object.symbols[j] = message.symbols[j];
                }
                if (message.board != null && $Object.hasOwnProperty.call(message, "board"))
                    object.board = message.board;
                return object;
            };

            Subscribe.prototype.toJSON = function() {
                return Subscribe.toObject(this, $protobuf.util.toJSONOptions);
            };

            Subscribe.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.Subscribe";
            };

            return Subscribe;
        })();

        v1.Unsubscribe = (function() {

            const Unsubscribe = function (properties) {
                this.channels = [];
                this.symbols = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Unsubscribe.prototype.channels = $util.emptyArray;
            Unsubscribe.prototype.symbols = $util.emptyArray;

            Unsubscribe.create = function(properties) {
                return new Unsubscribe(properties);
            };

            Unsubscribe.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.channels != null && message.channels.length)
                    for (let i = 0; i < message.channels.length; ++i)
                        writer.uint32(10).string(message.channels[i]);
                if (message.symbols != null && message.symbols.length)
                    for (let i = 0; i < message.symbols.length; ++i)
                        writer.uint32(18).string(message.symbols[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Unsubscribe.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.Unsubscribe();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.channels && message.channels.length))
                                message.channels = [];
                            message.channels.push(reader.stringVerify());
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.symbols && message.symbols.length))
                                message.symbols = [];
                            message.symbols.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Unsubscribe.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.Unsubscribe)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.Unsubscribe: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.Unsubscribe();
                if (object.channels) {
                    if (!$Array.isArray(object.channels))
                        throw $TypeError(".boardcast.v1.Unsubscribe.channels: array expected");
                    message.channels = $Array(object.channels.length);
                    for (let i = 0; i < object.channels.length; ++i)
                        message.channels[i] = $String(object.channels[i]);
                }
                if (object.symbols) {
                    if (!$Array.isArray(object.symbols))
                        throw $TypeError(".boardcast.v1.Unsubscribe.symbols: array expected");
                    message.symbols = $Array(object.symbols.length);
                    for (let i = 0; i < object.symbols.length; ++i)
                        message.symbols[i] = $String(object.symbols[i]);
                }
                return message;
            };

            Unsubscribe.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.channels = [];
                    object.symbols = [];
                }
                if (message.channels && message.channels.length) {
                    object.channels = $Array(message.channels.length);
                    for (let j = 0; j < message.channels.length; ++j)
                        object.channels[j] = message.channels[j];
                }
                if (message.symbols && message.symbols.length) {
                    object.symbols = $Array(message.symbols.length);
                    for (let j = 0; j < message.symbols.length; ++j)
                        object.symbols[j] = message.symbols[j];
                }
                return object;
            };

            Unsubscribe.prototype.toJSON = function() {
                return Unsubscribe.toObject(this, $protobuf.util.toJSONOptions);
            };

            Unsubscribe.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.Unsubscribe";
            };

            return Unsubscribe;
        })();

        v1.Resync = (function() {

            const Resync = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Resync.create = function(properties) {
                return new Resync(properties);
            };

            Resync.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Resync.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.Resync();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Resync.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.Resync)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.Resync: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.boardcast.v1.Resync();
            };

            Resync.toObject = function () {
                return {};
            };

            Resync.prototype.toJSON = function() {
                return Resync.toObject(this, $protobuf.util.toJSONOptions);
            };

            Resync.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.Resync";
            };

            return Resync;
        })();

        v1.Ping = (function() {

            const Ping = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Ping.prototype.clientTimeUs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            Ping.create = function(properties) {
                return new Ping(properties);
            };

            Ping.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.clientTimeUs != null && $Object.hasOwnProperty.call(message, "clientTimeUs") && (typeof message.clientTimeUs === "object" ? message.clientTimeUs.low || message.clientTimeUs.high : message.clientTimeUs !== 0))
                    writer.uint32(8).int64(message.clientTimeUs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Ping.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.Ping();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.clientTimeUs = value;
                            else
                                delete message.clientTimeUs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Ping.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.Ping)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.Ping: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.Ping();
                if (object.clientTimeUs != null)
                    if (typeof object.clientTimeUs === "object" ? object.clientTimeUs.low || object.clientTimeUs.high : $Number(object.clientTimeUs) !== 0)
                        if ($util.Long)
                            message.clientTimeUs = $util.Long.fromValue(object.clientTimeUs, false);
                        else if (typeof object.clientTimeUs === "string")
                            message.clientTimeUs = $parseInt(object.clientTimeUs, 10);
                        else if (typeof object.clientTimeUs === "number")
                            message.clientTimeUs = object.clientTimeUs;
                        else if (typeof object.clientTimeUs === "object")
                            message.clientTimeUs = new $util.LongBits(object.clientTimeUs.low >>> 0, object.clientTimeUs.high >>> 0).toNumber();
                return message;
            };

            Ping.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.clientTimeUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.clientTimeUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.clientTimeUs != null && $Object.hasOwnProperty.call(message, "clientTimeUs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.clientTimeUs = typeof message.clientTimeUs === "number" ? $BigInt(message.clientTimeUs) : $util.Long.fromBits(message.clientTimeUs.low >>> 0, message.clientTimeUs.high >>> 0, false).toBigInt();
                    else if (typeof message.clientTimeUs === "number")
                        object.clientTimeUs = options.longs === $String ? $String(message.clientTimeUs) : message.clientTimeUs;
                    else
                        object.clientTimeUs = options.longs === $String ? $util.Long.prototype.toString.call(message.clientTimeUs) : options.longs === $Number ? new $util.LongBits(message.clientTimeUs.low >>> 0, message.clientTimeUs.high >>> 0).toNumber() : message.clientTimeUs;
                return object;
            };

            Ping.prototype.toJSON = function() {
                return Ping.toObject(this, $protobuf.util.toJSONOptions);
            };

            Ping.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.Ping";
            };

            return Ping;
        })();

        v1.Control = (function() {

            const Control = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Control.prototype.error = null;
            Control.prototype.pong = null;

            let $oneOfFields;

            $Object.defineProperty(Control.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["error", "pong"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Control.create = function(properties) {
                return new Control(properties);
            };

            Control.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.boardcast.v1.Error.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.pong != null && $Object.hasOwnProperty.call(message, "pong"))
                    $root.boardcast.v1.Pong.encode(message.pong, writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Control.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.Control();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.boardcast.v1.Error.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            message.body = "error";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.pong = $root.boardcast.v1.Pong.decode(reader, reader.size(), $undefined, _depth + 1, message.pong);
                            message.body = "pong";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Control.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.Control)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.Control: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.Control();
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".boardcast.v1.Control.error: object expected");
                    message.error = $root.boardcast.v1.Error.fromObject(object.error, _depth + 1);
                }
                if (object.pong != null) {
                    if (!$util.isObject(object.pong))
                        throw $TypeError(".boardcast.v1.Control.pong: object expected");
                    message.pong = $root.boardcast.v1.Pong.fromObject(object.pong, _depth + 1);
                }
                return message;
            };

            Control.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.boardcast.v1.Error.toObject(message.error, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "error";
                }
                if (message.pong != null && $Object.hasOwnProperty.call(message, "pong")) {
                    object.pong = $root.boardcast.v1.Pong.toObject(message.pong, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "pong";
                }
                return object;
            };

            Control.prototype.toJSON = function() {
                return Control.toObject(this, $protobuf.util.toJSONOptions);
            };

            Control.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.Control";
            };

            return Control;
        })();

        v1.Error = (function() {

            const Error = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Error.prototype.code = "";
            Error.prototype.message = "";

            Error.create = function(properties) {
                return new Error(properties);
            };

            Error.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(10).string(message.code);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(18).string(message.message);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Error.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.Error();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Error.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.Error)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.Error: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.Error();
                if (object.code != null)
                    if (typeof object.code !== "string" || object.code.length)
                        message.code = $String(object.code);
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                return message;
            };

            Error.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.code = "";
                    object.message = "";
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                return object;
            };

            Error.prototype.toJSON = function() {
                return Error.toObject(this, $protobuf.util.toJSONOptions);
            };

            Error.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.Error";
            };

            return Error;
        })();

        v1.Pong = (function() {

            const Pong = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Pong.prototype.clientTimeUs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Pong.prototype.serverTimeUs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            Pong.create = function(properties) {
                return new Pong(properties);
            };

            Pong.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.clientTimeUs != null && $Object.hasOwnProperty.call(message, "clientTimeUs") && (typeof message.clientTimeUs === "object" ? message.clientTimeUs.low || message.clientTimeUs.high : message.clientTimeUs !== 0))
                    writer.uint32(8).int64(message.clientTimeUs);
                if (message.serverTimeUs != null && $Object.hasOwnProperty.call(message, "serverTimeUs") && (typeof message.serverTimeUs === "object" ? message.serverTimeUs.low || message.serverTimeUs.high : message.serverTimeUs !== 0))
                    writer.uint32(16).int64(message.serverTimeUs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Pong.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.boardcast.v1.Pong();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.clientTimeUs = value;
                            else
                                delete message.clientTimeUs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.serverTimeUs = value;
                            else
                                delete message.serverTimeUs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Pong.fromObject = function (object, _depth) {
                if (object instanceof $root.boardcast.v1.Pong)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".boardcast.v1.Pong: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.boardcast.v1.Pong();
                if (object.clientTimeUs != null)
                    if (typeof object.clientTimeUs === "object" ? object.clientTimeUs.low || object.clientTimeUs.high : $Number(object.clientTimeUs) !== 0)
                        if ($util.Long)
                            message.clientTimeUs = $util.Long.fromValue(object.clientTimeUs, false);
                        else if (typeof object.clientTimeUs === "string")
                            message.clientTimeUs = $parseInt(object.clientTimeUs, 10);
                        else if (typeof object.clientTimeUs === "number")
                            message.clientTimeUs = object.clientTimeUs;
                        else if (typeof object.clientTimeUs === "object")
                            message.clientTimeUs = new $util.LongBits(object.clientTimeUs.low >>> 0, object.clientTimeUs.high >>> 0).toNumber();
                if (object.serverTimeUs != null)
                    if (typeof object.serverTimeUs === "object" ? object.serverTimeUs.low || object.serverTimeUs.high : $Number(object.serverTimeUs) !== 0)
                        if ($util.Long)
                            message.serverTimeUs = $util.Long.fromValue(object.serverTimeUs, false);
                        else if (typeof object.serverTimeUs === "string")
                            message.serverTimeUs = $parseInt(object.serverTimeUs, 10);
                        else if (typeof object.serverTimeUs === "number")
                            message.serverTimeUs = object.serverTimeUs;
                        else if (typeof object.serverTimeUs === "object")
                            message.serverTimeUs = new $util.LongBits(object.serverTimeUs.low >>> 0, object.serverTimeUs.high >>> 0).toNumber();
                return message;
            };

            Pong.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.clientTimeUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.clientTimeUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.serverTimeUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.serverTimeUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.clientTimeUs != null && $Object.hasOwnProperty.call(message, "clientTimeUs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.clientTimeUs = typeof message.clientTimeUs === "number" ? $BigInt(message.clientTimeUs) : $util.Long.fromBits(message.clientTimeUs.low >>> 0, message.clientTimeUs.high >>> 0, false).toBigInt();
                    else if (typeof message.clientTimeUs === "number")
                        object.clientTimeUs = options.longs === $String ? $String(message.clientTimeUs) : message.clientTimeUs;
                    else
                        object.clientTimeUs = options.longs === $String ? $util.Long.prototype.toString.call(message.clientTimeUs) : options.longs === $Number ? new $util.LongBits(message.clientTimeUs.low >>> 0, message.clientTimeUs.high >>> 0).toNumber() : message.clientTimeUs;
                if (message.serverTimeUs != null && $Object.hasOwnProperty.call(message, "serverTimeUs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.serverTimeUs = typeof message.serverTimeUs === "number" ? $BigInt(message.serverTimeUs) : $util.Long.fromBits(message.serverTimeUs.low >>> 0, message.serverTimeUs.high >>> 0, false).toBigInt();
                    else if (typeof message.serverTimeUs === "number")
                        object.serverTimeUs = options.longs === $String ? $String(message.serverTimeUs) : message.serverTimeUs;
                    else
                        object.serverTimeUs = options.longs === $String ? $util.Long.prototype.toString.call(message.serverTimeUs) : options.longs === $Number ? new $util.LongBits(message.serverTimeUs.low >>> 0, message.serverTimeUs.high >>> 0).toNumber() : message.serverTimeUs;
                return object;
            };

            Pong.prototype.toJSON = function() {
                return Pong.toObject(this, $protobuf.util.toJSONOptions);
            };

            Pong.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/boardcast.v1.Pong";
            };

            return Pong;
        })();

        return v1;
    })();

    return boardcast;
})();

export {
  $root as default
};
