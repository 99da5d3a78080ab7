// One hub connection per channel type, behind the MarketStream interface: the fallback for
// a hub whose SwitchChannels replaces the previous subscription instead of adding to it
// (see channel-watch.ts). Messages of every connection come out as one stream; it is alive
// only while every connection is (so the feed's watchdog sees a silent one), and it closes
// as a whole when any connection closes, so the session loop reconnects them together.
import { EventEmitter } from 'node:events';
import { channelType } from './channel-watch.js';
import { SsiStreamError } from './errors.js';
import type { MarketStream, MarketStreamEvents, StreamConnector } from './stream.js';

/** Subscription strings grouped by channel type, in first-seen order. */
export function groupByType(channels: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const ch of channels) {
    const t = channelType(ch);
    let g = groups.get(t);
    if (!g) groups.set(t, (g = []));
    g.push(ch);
  }
  return [...groups.values()];
}

export class MultiStream extends EventEmitter<MarketStreamEvents> implements MarketStream {
  private readonly alive: boolean[];
  private closed = false;

  private constructor(private readonly streams: MarketStream[]) {
    super();
    this.alive = streams.map(() => false);
    streams.forEach((s, i) => {
      s.on('message', (raw) => this.emit('message', raw));
      s.on('serverError', (text) => this.emit('serverError', text));
      s.on('alive', () => {
        this.alive[i] = true;
        if (this.alive.every(Boolean)) {
          this.alive.fill(false);
          this.emit('alive');
        }
      });
      s.once('close', (err) => this.close(err ?? new SsiStreamError(`hub connection ${i + 1} of ${streams.length} closed`)));
    });
  }

  /** Opens `count` connections with `connector`; none stays open when one fails. */
  static async open(connector: StreamConnector, accessToken: string, count: number): Promise<MultiStream> {
    const streams: MarketStream[] = [];
    try {
      for (let i = 0; i < count; i++) streams.push(await connector(accessToken));
    } catch (err) {
      for (const s of streams) s.close();
      throw err;
    }
    return new MultiStream(streams);
  }

  get connections(): number {
    return this.streams.length;
  }

  /** Each channel type on its own connection, in order: as many types as connections. */
  async subscribe(channels: string[]): Promise<void> {
    const groups = groupByType(channels);
    if (groups.length !== this.streams.length) throw new SsiStreamError(`${groups.length} channel types for ${this.streams.length} hub connections`);
    await Promise.all(groups.map((g, i) => this.streams[i]!.subscribe(g)));
  }

  close(err?: SsiStreamError): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.streams) s.close(err);
    this.emit('close', err);
  }
}
