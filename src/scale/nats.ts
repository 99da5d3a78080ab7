// One NATS connection per process, with its state tracked from the client's status
// events (connected / disconnected / reconnecting / closed) so readiness can report it.
// The client reconnects forever on its own; nothing here ever exits the process.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect, credsAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from '../log.js';
import { LogLimiter } from '../log-limiter.js';
import { NatsUnavailableError } from './errors.js';
import type { NatsConnectSettings } from '../nats-options.js';

export type NatsState = 'connecting' | 'connected' | 'disconnected' | 'closed';

export interface BusConnectionEvents {
  /** Connected again after a disconnect: subscriptions are back, state may have been missed. */
  reconnect: [];
  disconnect: [];
}

export class BusConnection extends EventEmitter<BusConnectionEvents> {
  state: NatsState = 'connecting';
  since = Date.now();

  private constructor(
    readonly nc: NatsConnection,
    private readonly log: Logger,
  ) {
    super();
  }

  get connected(): boolean {
    return this.state === 'connected';
  }

  /**
   * Connects to the first reachable server of NATS_URL (with its credentials and TLS:
   * nats-options.ts) and keeps trying until one answers — saying why each attempt failed
   * (refused credentials, a certificate that does not match, nothing listening), since a
   * silent retry would hide a misconfiguration; after that the client reconnects forever.
   * `cancelled` ends the attempts (a shutdown before NATS was ever reached).
   */
  static async open(settings: NatsConnectSettings, name: string, log: Logger, cancelled: () => boolean = () => false): Promise<BusConnection> {
    const { describe, credsFile, ...auth } = settings;
    // Read at every (re)connect, so a rotated credentials file is picked up without a restart.
    const authenticator = credsFile ? credsAuthenticator(() => readFileSync(credsFile)) : undefined;
    const failures = new LogLimiter(30_000);
    let nc: NatsConnection | undefined;
    for (let attempt = 0; !nc; attempt++) {
      if (cancelled()) throw new NatsUnavailableError('stopped before NATS was reached');
      try {
        nc = await connect({
          ...auth,
          ...(authenticator ? { authenticator } : {}),
          name,
          maxReconnectAttempts: -1,
          reconnectTimeWait: 250,
          reconnectJitter: 250,
          // A dead server whose socket stays open is noticed within pingInterval × maxPingOut.
          pingInterval: 2000,
          maxPingOut: 2,
          timeout: 5000,
        });
      } catch (err) {
        const e = err as Error & { cause?: Error };
        failures.run('connect', (suppressed) => log.warn({ err: e.message, cause: e.cause?.message, servers: describe.servers, auth: describe.auth, tls: describe.tls, attempt, suppressed }, 'cannot connect to NATS yet; retrying'));
        await new Promise((r) => setTimeout(r, Math.min(5000, 250 * 2 ** Math.min(attempt, 5))));
      }
    }
    const bus = new BusConnection(nc, log);
    bus.setState('connected');
    log.info({ server: nc.getServer(), name, auth: describe.auth, tls: describe.tls }, 'NATS connected');
    void bus.watch();
    return bus;
  }

  private setState(s: NatsState): void {
    if (s === this.state) return;
    this.state = s;
    this.since = Date.now();
  }

  private async watch(): Promise<void> {
    for await (const s of this.nc.status()) {
      switch (s.type) {
        case 'disconnect':
          this.setState('disconnected');
          this.log.warn({ server: s.server }, 'NATS disconnected; reconnecting');
          this.emit('disconnect');
          break;
        case 'reconnect':
          this.setState('connected');
          this.log.info({ server: s.server }, 'NATS reconnected');
          this.emit('reconnect');
          break;
        case 'slowConsumer':
          this.log.warn({ sub: s.sub.getSubject() }, 'NATS slow consumer: messages dropped');
          break;
        case 'error':
          this.log.warn({ err: s.error }, 'NATS error');
          break;
        default:
          break;
      }
    }
    this.setState('closed');
  }

  async close(): Promise<void> {
    if (this.nc.isClosed()) return;
    try {
      await this.nc.drain();
    } catch {
      await this.nc.close().catch(() => undefined);
    }
    this.setState('closed');
  }
}
