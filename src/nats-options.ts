// How boardcast reaches NATS: the servers of NATS_URL and one way to authenticate — a
// credentials file (NATS_CREDS_FILE: JWT + NKey seed, decentralised auth), a token
// (NATS_TOKEN), a user and password (NATS_USER / NATS_PASSWORD, or userinfo in NATS_URL) —
// plus TLS (NATS_TLS_CA / NATS_TLS_CERT / NATS_TLS_KEY, files; a tls:// URL asks for TLS
// with the system's CAs). Secrets never leave this module: the servers handed to the client
// carry no userinfo, and redactNatsUrl is what logs and errors show of NATS_URL.
import { accessSync, constants } from 'node:fs';
// Types only: this module is loaded by every role (config.ts checks with it), the NATS client
// only by the roles that connect (scale/nats.ts builds the credentials authenticator).
import type { TlsOptions } from '@nats-io/transport-node';
import { ConfigError } from './errors.js';

export interface NatsSettings {
  NATS_URL: string;
  NATS_CREDS_FILE: string;
  NATS_TOKEN: string;
  NATS_USER: string;
  NATS_PASSWORD: string;
  NATS_TLS_CA: string;
  NATS_TLS_CERT: string;
  NATS_TLS_KEY: string;
}

const USERINFO = /^((?:nats|tls):\/\/)?([^@/\s]*)@/;
const SERVER = /^(nats|tls):\/\/[^\s/@]+$|^[^\s/:@]+(:\d+)?$/;

const items = (url: string) => url.split(',').map((x) => x.trim()).filter(Boolean);

/** NATS_URL as logs and errors may show it: any userinfo replaced by [redacted]. */
export function redactNatsUrl(url: string): string {
  return url
    .split(',')
    .map((u) => u.replace(USERINFO, (_m, scheme: string | undefined) => `${scheme ?? ''}[redacted]@`))
    .join(',');
}

interface ParsedUrl {
  servers: string[];
  /** Userinfo of the first server that has one: user:pass, or a lone token. */
  user?: string;
  pass?: string;
  token?: string;
  tls: boolean;
}

function parseUrl(url: string): ParsedUrl {
  const out: ParsedUrl = { servers: [], tls: false };
  for (const item of items(url)) {
    const m = USERINFO.exec(item);
    const server = m ? item.replace(USERINFO, (_x, scheme: string | undefined) => scheme ?? '') : item;
    if (!SERVER.test(server)) throw new ConfigError('NATS_URL', redactNatsUrl(url), 'comma-separated NATS servers, e.g. nats://nats-0:4222,nats://user:password@nats-1:4222');
    if (server.startsWith('tls://')) out.tls = true;
    out.servers.push(server);
    if (m && out.user === undefined && out.token === undefined) {
      const info = m[2]!;
      const colon = info.indexOf(':');
      try {
        if (colon < 0) out.token = decodeURIComponent(info);
        else [out.user, out.pass] = [decodeURIComponent(info.slice(0, colon)), decodeURIComponent(info.slice(colon + 1))];
      } catch {
        throw new ConfigError('NATS_URL', redactNatsUrl(url), 'userinfo in valid percent-encoding');
      }
    }
  }
  if (out.servers.length === 0) throw new ConfigError('NATS_URL', '', 'at least one NATS server');
  return out;
}

function readable(variable: string, path: string): void {
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw new ConfigError(variable, path, 'a readable file');
  }
}

/** Checks the NATS settings up front (exit 78 on a bad one); never shows a secret. */
export function checkNatsSettings(s: NatsSettings): void {
  const url = parseUrl(s.NATS_URL);
  const ways = [s.NATS_CREDS_FILE && 'NATS_CREDS_FILE', s.NATS_TOKEN && 'NATS_TOKEN', (s.NATS_USER || s.NATS_PASSWORD) && 'NATS_USER/NATS_PASSWORD', (url.user !== undefined || url.token !== undefined) && 'userinfo in NATS_URL'].filter(Boolean);
  if (ways.length > 1) throw new ConfigError(String(ways[1]).split('/')[0]!, '[redacted]', `one way to authenticate to NATS, not ${ways.join(' and ')}`);
  if (s.NATS_PASSWORD && !s.NATS_USER) throw new ConfigError('NATS_USER', '', 'a user name (NATS_PASSWORD is set)');
  if (s.NATS_USER && !s.NATS_PASSWORD) throw new ConfigError('NATS_PASSWORD', '[redacted]', 'a password (NATS_USER is set)');
  if (Boolean(s.NATS_TLS_CERT) !== Boolean(s.NATS_TLS_KEY)) throw new ConfigError(s.NATS_TLS_CERT ? 'NATS_TLS_KEY' : 'NATS_TLS_CERT', '', 'both NATS_TLS_CERT and NATS_TLS_KEY (a client certificate and its key), or neither');
  for (const v of ['NATS_CREDS_FILE', 'NATS_TLS_CA', 'NATS_TLS_CERT', 'NATS_TLS_KEY'] as const) if (s[v]) readable(v, s[v]);
}

export interface NatsConnectSettings {
  servers: string[];
  user?: string;
  pass?: string;
  token?: string;
  /** NATS_CREDS_FILE: read at every (re)connect, so a rotated file is used without a restart. */
  credsFile?: string;
  tls?: TlsOptions;
  /** What a log line may say about them: servers, the way of authenticating, TLS on or off. */
  describe: { servers: string[]; auth: 'none' | 'creds' | 'token' | 'user'; tls: boolean };
}

/** The nats.js connect options for the settings (checked already by checkNatsSettings). */
export function natsConnectSettings(s: NatsSettings): NatsConnectSettings {
  const url = parseUrl(s.NATS_URL);
  const tlsFiles = { ...(s.NATS_TLS_CA ? { caFile: s.NATS_TLS_CA } : {}), ...(s.NATS_TLS_CERT ? { certFile: s.NATS_TLS_CERT, keyFile: s.NATS_TLS_KEY } : {}) };
  const tls = url.tls || Object.keys(tlsFiles).length > 0 ? tlsFiles : undefined;
  const out: NatsConnectSettings = { servers: url.servers, ...(tls ? { tls } : {}), describe: { servers: url.servers, auth: 'none', tls: tls !== undefined } };
  if (s.NATS_CREDS_FILE) {
    out.credsFile = s.NATS_CREDS_FILE;
    out.describe.auth = 'creds';
  } else if (s.NATS_TOKEN || url.token !== undefined) {
    out.token = s.NATS_TOKEN || url.token;
    out.describe.auth = 'token';
  } else if (s.NATS_USER || url.user !== undefined) {
    [out.user, out.pass] = s.NATS_USER ? [s.NATS_USER, s.NATS_PASSWORD] : [url.user, url.pass];
    out.describe.auth = 'user';
  }
  return out;
}
