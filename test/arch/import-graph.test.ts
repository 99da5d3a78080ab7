// The dependency check of ARCHITECTURE.md ("Dependency direction"): the import graph of
// src/ has no cycle between files (type-only imports included), none between the top-level
// folders (the files directly in src/ counting as one folder, '.'; imports that run code,
// which is what decides load order), and no import against the layers. A new cycle or a
// new import against the layers fails here with the edges that make it.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, folderOf, importGraph, isPackage, loadedWith, type Edge } from './import-graph.js';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const withPackages = importGraph(SRC);
const edges = withPackages.filter((e) => !isPackage(e.to));
const show = (e: Edge) => `${e.from} → ${e.to}${e.typeOnly ? ' (type)' : ''}`;

/** Processes start here; nothing imports them, so they sit above every folder. */
const ENTRY_POINTS = ['main.ts', 'loadgen/cli.ts', 'record/cli.ts'];

// Known exceptions, each to be removed by the work that fixes it. The test fails on any
// cycle or import not listed here. (Empty: issue 14's last three were removed — the
// normalizer's field readers are a leaf, the time-of-day parse is in util/, and the
// history tap lives on the market side it runs on.)
const KNOWN_FILE_CYCLES: string[][] = [];
const KNOWN_EDGES: string[] = [];

/** What each folder must not import (all imports, type-only included). */
const FORBIDDEN: Record<string, string[]> = {
  wire: ['market', 'history', 'server', 'scale', 'roles', 'client', 'loadgen', 'record'],
  '.': ['history', 'server', 'scale', 'roles', 'client', 'loadgen', 'record'],
  market: ['history', 'server', 'scale', 'roles', 'client', 'loadgen', 'record'],
  history: ['server', 'scale', 'roles', 'client', 'loadgen', 'record'],
  server: ['scale', 'roles', 'client', 'loadgen', 'record'],
  scale: ['roles', 'client', 'loadgen', 'record'],
  roles: ['client', 'loadgen', 'record'],
  loadgen: ['market', 'history', 'server', 'scale', 'roles', 'record'],
  record: ['history', 'server', 'scale', 'roles', 'client', 'loadgen'],
};
/** client/ (the SDK) imports only wire/ and itself. */
const CLIENT_MAY_IMPORT = ['client', 'wire'];

describe('the import graph of src/', () => {
  it('is read: the composition root imports every role, and a type-only import is told apart', () => {
    const from = (f: string) => edges.filter((e) => e.from === f).map((e) => e.to);
    expect(from('roles/start.ts')).toEqual(expect.arrayContaining(['roles/all.ts', 'roles/edge.ts', 'roles/ingest.ts']));
    // Roles are imported lazily (only the one started is loaded); a lazy import is still an edge.
    expect(edges.find((e) => e.from === 'roles/start.ts' && e.to === 'roles/edge.ts')?.lazy).toBe(true);
    expect(edges.find((e) => e.from === 'roles/start.ts' && e.to === 'config.ts')?.typeOnly).toBe(true);
    expect(edges.find((e) => e.from === 'roles/all.ts' && e.to === 'server/app.ts')?.typeOnly).toBe(false);
  });

  it('cycles() finds a cycle, a self-loop, and nothing in a chain', () => {
    expect(cycles([['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd']])).toEqual([['a', 'b', 'c']]);
    expect(cycles([['a', 'a']])).toEqual([['a']]);
    expect(cycles([['a', 'b'], ['b', 'c'], ['a', 'c']])).toEqual([]);
  });

  it('has no cycle between files (type-only imports included, lazy import() not: it breaks load order) beyond the known ones', () => {
    const found = cycles(edges.filter((e) => !e.lazy).map((e) => [e.from, e.to] as const)).map((c) => c.join(', '));
    const known = KNOWN_FILE_CYCLES.map((c) => c.join(', '));
    expect(found.filter((c) => !known.includes(c))).toEqual([]);
  });

  it('has no cycle between the top-level folders of src/ (files directly in src/ as one folder)', () => {
    const runtime = edges.filter((e) => !e.typeOnly && !e.lazy && !ENTRY_POINTS.includes(e.from) && !KNOWN_EDGES.includes(show(e)));
    const between = runtime.filter((e) => folderOf(e.from) !== folderOf(e.to));
    const found = cycles(between.map((e) => [folderOf(e.from), folderOf(e.to)] as const));
    // Name the imports that close each cycle, so the message says what to change.
    const detail = found.map((c) => ({ folders: c, imports: between.filter((e) => c.includes(folderOf(e.from)) && c.includes(folderOf(e.to))).map(show) }));
    expect(detail).toEqual([]);
  });

  it('keeps the layers: no folder imports what it must not, the SDK only wire/', () => {
    const bad = edges.filter((e) => {
      if (KNOWN_EDGES.includes(show(e))) return false;
      const a = folderOf(e.from);
      const b = folderOf(e.to);
      if (a === b) return false;
      if (ENTRY_POINTS.includes(e.from)) return false;
      if (a === 'client') return !CLIENT_MAY_IMPORT.includes(b);
      return (FORBIDDEN[a] ?? []).includes(b);
    });
    expect(bad.map(show)).toEqual([]);
  });

  it('nothing imports an entry point, and only the entry point imports the composition root', () => {
    expect(edges.filter((e) => ENTRY_POINTS.includes(e.to)).map(show)).toEqual([]);
    expect(edges.filter((e) => folderOf(e.to) === 'roles' && folderOf(e.from) !== 'roles' && e.from !== 'main.ts').map(show)).toEqual([]);
  });

  it('the reference encoders stay out of the server: nothing in src/ imports wire/reference-codec.ts', () => {
    expect(edges.filter((e) => e.to === 'wire/reference-codec.ts').map(show)).toEqual([]);
  });

  it("wire/'s public surface: from outside it, only its public modules are imported (the byte assembler, varints, envelopes and JSON enum mapping are the codec's own)", () => {
    const PUBLIC = ['wire/proto.ts', 'wire/gen/boardcast.ts', 'wire/formats.ts', 'wire/frame-parts.ts', 'wire/views.ts', 'wire/delta.ts', 'wire/codec.ts'];
    expect(edges.filter((e) => folderOf(e.from) !== 'wire' && folderOf(e.to) === 'wire' && !PUBLIC.includes(e.to)).map(show)).toEqual([]);
  });
});

// Memory at rest (issue 18): a module loaded is heap kept for the life of the process, so
// each role's main thread loads only what it runs. What a role needs later is import()ed.
describe('what a role loads at start (main thread)', () => {
  const atStart = (role: string) => [...loadedWith(withPackages, 'main.ts'), ...loadedWith(withPackages, role)];

  it('main.ts loads no role; the role module loads its own', () => {
    expect(atStart('main.ts').filter((f) => folderOf(f) === 'roles' && f !== 'roles/start.ts')).toEqual([]);
  });

  it('ROLE=all loads no NATS client code of scale/, no feed adapter, no JWT library and no query pool until they are used', () => {
    const loaded = atStart('roles/all.ts');
    expect(loaded.filter((f) => folderOf(f) === 'scale' || f.startsWith('@nats-io/'))).toEqual([]);
    expect(loaded.filter((f) => f.startsWith('market/feed/') && f !== 'market/feed/feed-startup.ts' && f !== 'market/feed/feed.ts')).toEqual([]);
    expect(loaded.filter((f) => ['jose', 'piscina', 'ws', 'pg', 'better-sqlite3'].includes(f))).toEqual([]);
  });

  it('the market worker thread loads only the feed adapter it runs (no WebSocket client on the simulator), no NATS client', () => {
    const loaded = [...loadedWith(withPackages, 'market/worker.ts')];
    expect(loaded).toContain('market/feed/create-feed.ts');
    expect(loaded.filter((f) => f.startsWith('market/feed/ssi/') || f.startsWith('market/feed/sim') || f === 'market/feed/replay-feed.ts')).toEqual([]);
    expect(loaded.filter((f) => f === 'ws' || f.startsWith('@nats-io/') || folderOf(f) === 'scale')).toEqual([]);
  });

  it('ROLE=edge loads no market worker code, no feed adapter, no JWT library and no query pool', () => {
    const loaded = atStart('roles/edge.ts');
    expect(loaded).toContain('@nats-io/transport-node');
    expect(loaded.filter((f) => f.startsWith('market/feed/') && f !== 'market/feed/feed-startup.ts' && f !== 'market/feed/feed.ts')).toEqual([]);
    expect(loaded.filter((f) => ['jose', 'piscina', 'ws', 'pg', 'better-sqlite3'].includes(f))).toEqual([]);
  });
});
