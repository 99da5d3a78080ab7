// The import graph of src/, read with the TypeScript parser (no type checking): every
// relative import and re-export, each marked type-only when it is erased at compile time
// (`import type`, or every named binding `type`), and every `import('./x.js')` of a literal
// path (a lazy load is still a dependency). Generated code (src/wire/gen) is a leaf.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';

export interface Edge {
  from: string;
  /** A file under the root ('server/app.ts'), or a package name ('pg', '@nats-io/kv'). */
  to: string;
  typeOnly: boolean;
  /** `import('./x.js')`: loaded when that line runs, not with the importer (no part in load order). */
  lazy: boolean;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'gen') out.push(...sourceFiles(p));
    } else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function typeOnly(st: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(st)) return st.isTypeOnly || (st.exportClause !== undefined && ts.isNamedExports(st.exportClause) && st.exportClause.elements.every((e) => e.isTypeOnly));
  const c = st.importClause;
  if (!c) return false; // `import './x.js'` runs the module
  if (c.isTypeOnly) return true;
  const named = c.namedBindings;
  return !c.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

/** 'pg' of 'pg', '@nats-io/kv' of '@nats-io/kv/x'; undefined for Node's built-ins. */
function packageOf(spec: string): string | undefined {
  if (spec.startsWith('node:')) return undefined;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Whether an edge's target is a package rather than a file under the root. */
export const isPackage = (to: string) => !to.endsWith('.ts');

/** Every file and package loaded with `from` (eager imports that run code, followed transitively). */
export function loadedWith(edges: readonly Edge[], from: string): Set<string> {
  const seen = new Set<string>([from]);
  const todo = [from];
  while (todo.length > 0) {
    const f = todo.pop()!;
    for (const e of edges) if (e.from === f && !e.typeOnly && !e.lazy && !seen.has(e.to)) { seen.add(e.to); if (!isPackage(e.to)) todo.push(e.to); }
  }
  return seen;
}

/** The edges from the files under `root`, as paths relative to it ('server/app.ts'). */
export function importGraph(root: string): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(root)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
    const add = (spec: string, isTypeOnly: boolean, lazy: boolean) => {
      const to = spec.startsWith('.') ? relative(root, join(dirname(file), spec)).replace(/\.js$/, '.ts').split(sep).join('/') : packageOf(spec);
      if (to === undefined) return; // node: built-ins
      edges.push({ from: relative(root, file).split(sep).join('/'), to, typeOnly: isTypeOnly, lazy });
    };
    for (const st of sf.statements) {
      if (!(ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) || !st.moduleSpecifier || !ts.isStringLiteral(st.moduleSpecifier)) continue;
      add(st.moduleSpecifier.text, typeOnly(st), false);
    }
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) add(node.arguments[0].text, false, true);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return edges;
}

/** The top-level folder of a file; the files directly in src/ count as one folder, '.'. */
export const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '.');

/** The cycles of a directed graph: its strongly connected components of more than one node (or a self-loop), each sorted. */
export function cycles(edges: ReadonlyArray<readonly [string, string]>): string[][] {
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) {
    if (!next.has(a)) next.set(a, []);
    if (!next.has(b)) next.set(b, []);
    next.get(a)!.push(b);
  }
  // Tarjan's algorithm, iterative (a deep import chain must not overflow the stack).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let counter = 0;
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; i: number }> = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const succ = next.get(top.node)!;
      if (top.i < succ.length) {
        const w = succ[top.i++]!;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(w);
        } while (w !== top.node);
        if (scc.length > 1 || succ.includes(top.node)) out.push(scc.sort());
      }
    }
  }
  return out;
}
