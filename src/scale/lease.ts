// The ingest lease as stored in KV <prefix>_v1_leader, key `leader`: who holds it and for
// which term. The term is the KV revision of the create that took the lease (a stream
// sequence: strictly increasing, no clock involved). A renewal is an update, whose
// revision is new, so renewals carry the term in their value; the create itself cannot
// name its own revision and leaves it out. Edges read the term from here, the one place
// only ingests may write (deploy/nats), and accept frames of that term only.

export interface LeaseEntry {
  operation: 'PUT' | 'DEL' | 'PURGE';
  revision: number;
  value: Uint8Array;
}

/** What an ingest writes: its id, when, and (on renewals) the term. */
export function leaseValue(id: string, term?: number): string {
  return JSON.stringify({ id, at: new Date().toISOString(), ...(term !== undefined ? { term } : {}) });
}

export type LeaseState = { held: true; term: number; holder: string } | { held: false };

/** The lease an entry describes; undefined when the entry is not a lease (then it is ignored). */
export function readLease(e: LeaseEntry): LeaseState | undefined {
  if (e.operation !== 'PUT') return { held: false };
  if (!Number.isSafeInteger(e.revision) || e.revision < 1) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(new TextDecoder().decode(e.value));
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const { id, term } = v as { id?: unknown; term?: unknown };
  if (typeof id !== 'string' || id.length > 256) return undefined;
  if (term === undefined) return { held: true, term: e.revision, holder: id };
  // A renewal names an earlier create; a term after its own revision cannot be.
  if (!Number.isSafeInteger(term) || (term as number) < 1 || (term as number) > e.revision) return undefined;
  return { held: true, term: term as number, holder: id };
}
