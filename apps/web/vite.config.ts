import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Writes a Brotli (.br) and a gzip (.gz) copy beside each compressible hashed asset, once, at build time: the api
// sends the copy the browser accepts (apps/api/src/web-app-hosting/web-app.middleware.ts) instead of compressing every request.

const COMPRESSIBLE = /\.(js|mjs|css|svg|json|html|txt|wasm)$/;
/** Below this a compressed copy saves less than the headers it needs. */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

function precompressAssets(): Plugin {
  return {
    name: 'samverkan:precompress-assets',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir;
      if (!outDir) return;
      // Source maps are read only by developer tools; compressing them would double the build's time.
      const files = Object.keys(bundle).filter((name) => name.startsWith('assets/') && COMPRESSIBLE.test(name));
      await Promise.all(
        files.map(async (name) => {
          const path = join(outDir, name);
          const content = await readFile(path);
          if (content.length < MIN_BYTES) return;
          const [br, gz] = await Promise.all([
            brotli(content, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
            gzipped(content, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          // A copy that is not smaller is not worth sending.
          if (br.length < content.length) await writeFile(`${path}.br`, br);
          if (gz.length < content.length) await writeFile(`${path}.gz`, gz);
        }),
      );
    },
  };
}

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
  plugins: [
    precompressAssets(),
    // The service worker (src/pwa/sw.ts, built to /sw.js) with the precache list of the app shell injected, and
    // the web app manifest. The app registers the worker itself (src/pwa/app-update.ts) to let updates wait.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/pwa',
      filename: 'sw.ts',
      injectRegister: false,
      injectManifest: {
        // The shell: the entry, its chunks, styles and the favicon (the manifest's icons come by themselves). Source maps and precompressed copies are not.
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        globIgnores: ['**/*.map', '**/*.br', '**/*.gz'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
      manifest: {
        name: 'Samverkan',
        short_name: 'Samverkan',
        description: 'Polisen och de skadereducerande verksamheterna: zoner, kontroll och meddelanden.',
        lang: 'sv',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#0b4f6c',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
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
