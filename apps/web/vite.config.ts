import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompressAssets } from './precompress.plugin';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Vite 8 transforms TypeScript and JSX with Oxc: Preact's automatic runtime needs no plugin.
export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: fromRoot('./public'),
  // Keep Vite's dependency cache with the repository's node_modules, not in a nested apps/web/node_modules.
  cacheDir: fromRoot('../../node_modules/.vite/web'),
  resolve: {
    alias: {
      '@samverkan/contracts': fromRoot('../../libs/contracts/src'),
      '@samverkan/geo': fromRoot('../../libs/geo/src'),
      '@samverkan/text': fromRoot('../../libs/text/src'),
    },
  },
  plugins: [precompressAssets()],
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: fromRoot('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    // `npm start` in another terminal serves the api on 3000; the dev server forwards /api and sockets to it.
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
