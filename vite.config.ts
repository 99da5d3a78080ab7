// The board page (web/) bundled for production into dist/web, which the server serves
// (src/server/static.ts). Plain TypeScript + DOM; the client SDK comes from the workspace package @boardcast/client.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  publicDir: 'public',
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Hashed file names under assets/: the server caches those for a year (immutable).
    assetsDir: 'assets',
    reportCompressedSize: false,
  },
  server: {
    // `npx vite` for page work: the board talks to a boardcast server on :8080.
    proxy: {
      '/ws': { target: 'ws://127.0.0.1:8080', ws: true },
      '/api': 'http://127.0.0.1:8080',
    },
  },
});
