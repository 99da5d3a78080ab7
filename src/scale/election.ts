// Leader election among ingest replicas with a NATS JetStream KV lease:
//  - the bucket's TTL (stream max_age) is the lease: an entry not renewed within it is
//    removed by the server;
//  - a candidate takes the lease with kv.create(key) — it succeeds only when the key is
//    absent (expired, or deleted by a leader stepping down);
//  - the leader renews with kv.update(key, rev): compare-and-set on its own revision, so a
//    leader whose lease was taken over learns it on the next renewal;
//  - a leader that cannot renew for 0.8 × lease steps down by itself (a partitioned leader
//    stops before its lease can expire, so two leaders never publish for long);
//  - the term is the KV revision of the create: a stream sequence, strictly increasing, so
//    edges order leaders by term without trusting any clock; renewals carry it in their
//    value (lease.ts), so an edge watching the key always knows the current term.
// Failover takes at most lease + poll + the server's expiry lag + the new worker's start.
import { EventEmitter } from 'node:events';
import type { KV } from '@nats-io/kv';
import type { Logger } from '../log.js';
import { leaseValue } from './lease.js';

export interface ElectionEvents {
  elected: [{ term: number }];
  deposed: [{ term: number; reason: string }];
}

export interface ElectionOptions {
  kv: KV;
  key: string;
  /** Who we are (pod name): the lease value, for operators reading the bucket. */
  id: string;
  leaseMs: number;
  log: Logger;
}

export class LeaderElection extends EventEmitter<ElectionEvents> {
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  private rev = 0;
  private lastRenewAt = 0;
  term = 0;
  leader = false;
  /** The last time a KV operation answered (successfully or with a definite refusal). */
  lastContactAt = 0;

  constructor(private readonly o: ElectionOptions) {
    super();
  }

  start(): void {
    const tick = () => {
      if (this.busy) return;
      this.busy = true;
      this.tick().finally(() => {
        this.busy = false;
      });
    };
    // Followers poll faster than leaders renew, so a free lease is taken within lease/5.
    this.timer = setInterval(tick, Math.max(50, Math.floor(this.o.leaseMs / 5)));
    this.timer.unref();
    tick();
  }

  private async tick(): Promise<void> {
    const now = Date.now();
    if (this.leader) {
      if (now - this.lastRenewAt < this.o.leaseMs / 4) return;
      try {
        this.rev = await this.o.kv.update(this.o.key, leaseValue(this.o.id, this.term), this.rev, Math.max(200, this.o.leaseMs / 4));
        this.lastRenewAt = this.lastContactAt = Date.now();
      } catch (err) {
        const msg = (err as Error).message;
        if (/wrong last sequence/i.test(msg)) {
          this.lastContactAt = Date.now();
          return this.stepDown(`lease taken over (${msg})`);
        }
        if (Date.now() - this.lastRenewAt > 0.8 * this.o.leaseMs) return this.stepDown(`lease not renewed for ${Date.now() - this.lastRenewAt} ms (${msg})`);
        this.o.log.warn({ err: msg, term: this.term }, 'lease renewal failed; retrying');
      }
      return;
    }
    try {
      const rev = await this.o.kv.create(this.o.key, leaseValue(this.o.id));
      this.rev = rev;
      this.term = rev;
      this.leader = true;
      this.lastRenewAt = this.lastContactAt = Date.now();
      this.o.log.info({ term: rev, id: this.o.id }, 'ingest lease acquired: leading');
      this.emit('elected', { term: rev });
    } catch (err) {
      const msg = (err as Error).message;
      if (/wrong last sequence|key exists/i.test(msg)) this.lastContactAt = Date.now();
      else this.o.log.debug({ err: msg }, 'lease attempt failed');
    }
  }

  private stepDown(reason: string): void {
    if (!this.leader) return;
    this.leader = false;
    this.o.log.warn({ term: this.term, reason }, 'ingest lease lost: stepping down');
    this.emit('deposed', { term: this.term, reason });
  }

  /** Stops campaigning; a leader deletes its lease (CAS on its revision) so a follower takes over at once. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    while (this.busy) await new Promise((r) => setTimeout(r, 10));
    if (!this.leader) return;
    this.leader = false;
    try {
      await this.o.kv.delete(this.o.key, { previousSeq: this.rev });
      this.o.log.info({ term: this.term }, 'ingest lease released');
    } catch (err) {
      this.o.log.warn({ err: (err as Error).message, term: this.term }, 'could not release the lease; it expires by itself');
    }
  }
}
