// An edge's view of the ingest lease: the current term, read from KV <prefix>_v1_leader and
// then watched, so the edge never assumes a term a message claims (frame-fence.ts). The
// watch is the authority (ordered, every change): it may even move the term back, when the
// bucket was recreated after a NATS that lost its store, since only ingests can write the
// lease. A one-off read (refresh) only moves it forward: it may race with the watch and
// answer with an entry the watch has already passed.
import { EventEmitter } from 'node:events';
import type { KV } from '@nats-io/kv';
import type { Logger } from '../log.js';
import { readLease, type LeaseState } from './lease.js';

export class LeaseWatch extends EventEmitter<{ term: [number] }> {
  term: number | undefined;
  holder: string | undefined;
  private stopped = false;
  private lastRefreshAt = 0;
  private iter: { stop(): void } | undefined;

  constructor(
    private readonly kv: KV,
    private readonly key: string,
    private readonly log: Logger,
  ) {
    super();
  }

  /** Reads the lease once (so the term is known before any frame is judged), then watches it. */
  async start(): Promise<void> {
    await this.read();
    void this.watchLoop();
  }

  private observe(s: LeaseState | undefined, revision: number, fromWatch: boolean): void {
    if (s === undefined) {
      this.log.warn({ revision }, 'lease entry is not a lease; ignored');
      return;
    }
    // A released or expired lease keeps the last term: its leader may still finish a frame,
    // and the next leader's create brings a larger term anyway.
    if (!s.held || s.term === this.term) return;
    if (!fromWatch && this.term !== undefined && s.term < this.term) return;
    const from = this.term;
    this.term = s.term;
    this.holder = s.holder;
    this.log.info({ from, term: s.term, holder: s.holder }, 'ingest lease term');
    this.emit('term', s.term);
  }

  private async read(): Promise<void> {
    this.lastRefreshAt = Date.now();
    const e = await this.kv.get(this.key);
    if (e) this.observe(readLease(e), e.revision, false);
  }

  /** Reads the lease again now (a frame of a newer term arrived before the watch showed it), at most twice a second. */
  refresh(): void {
    if (this.stopped || Date.now() - this.lastRefreshAt < 500) return;
    this.read().catch((err: Error) => this.log.debug({ err: err.message }, 'lease re-read failed'));
  }

  private async watchLoop(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        const iter = await this.kv.watch({ key: this.key });
        this.iter = iter;
        attempt = 0;
        for await (const e of iter) {
          try {
            this.observe(readLease(e), e.revision, true);
          } catch (err) {
            this.log.error({ err }, 'lease watch entry failed');
          }
        }
      } catch (err) {
        if (!this.stopped) this.log.warn({ err: (err as Error).message, attempt }, 'lease watch failed; watching again');
      }
      if (!this.stopped) await new Promise((r) => setTimeout(r, Math.min(2000, 200 * 2 ** attempt)));
    }
  }

  stop(): void {
    this.stopped = true;
    this.iter?.stop();
  }
}
