import express, { NextFunction, Request, Response } from 'express';
import { existsSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { ContentCoding, preferredCoding } from '../common/accept-encoding';

/** Vite names every file under /assets/ by its content's hash, so a name never changes content. */
const ASSETS_PREFIX = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html, the service worker and the web app manifest: always asked again, so a new build is picked up at once. */
const NO_CACHE = 'no-cache';
const NOT_HASHED = 'public, max-age=3600';
const ALWAYS_FRESH = new Set(['index.html', 'sw.js', 'manifest.webmanifest']);
const MANIFEST_TYPE = 'application/manifest+json';

/** The precompressed copies the web build writes beside each asset (apps/web/vite.config.ts). */
const COPIES: Record<ContentCoding, string> = { br: '.br', gzip: '.gz' };

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The file an /assets/ path names, or null when it names none (or tries to leave the folder). */
function assetFile(assetsDir: string, requestPath: string): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(requestPath.slice(ASSETS_PREFIX.length));
  } catch {
    return null;
  }
  if (relative === '' || relative.includes('\0') || relative.split(/[\\/]/).some((part) => part === '..' || part.startsWith('.'))) return null;
  const file = join(assetsDir, relative);
  return file.startsWith(assetsDir + sep) && isFile(file) ? file : null;
}

/**
 * Serves the built browser app: its files, and index.html for any other browser path so the app's own
 * routes work on reload. `/api/...` and `/socket.io/...` are never answered with the page.
 * Hashed assets are cached for a year and sent Brotli- or gzip-compressed as the browser accepts, from the
 * copies the build made (nothing is compressed per request); index.html and the service worker are never cached.
 */
export function webAppHandlers(webDistDir: string): express.RequestHandler[] {
  const indexFile = join(webDistDir, 'index.html');
  const assetsDir = join(webDistDir, 'assets');
  const serveFiles = express.static(webDistDir, {
    index: false,
    fallthrough: true,
    setHeaders: (response, path) => {
      const name = path.slice(webDistDir.length + 1);
      response.setHeader('Cache-Control', ALWAYS_FRESH.has(name) ? NO_CACHE : NOT_HASHED);
      if (name.endsWith('.webmanifest')) response.setHeader('Content-Type', MANIFEST_TYPE);
    },
  });
  const isServerPath = (request: Request) => /^\/(api|socket\.io)(\/|$)/.test(request.path);

  const serveAsset = (request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !request.path.startsWith(ASSETS_PREFIX)) return next();
    const file = assetFile(assetsDir, request.path);
    if (!file) {
      // A missing asset (an old build's chunk) must not come back as the page, which the browser cannot run.
      response.status(404).setHeader('Cache-Control', NO_CACHE);
      response.type('text/plain').send('Not found');
      return;
    }
    const available = (Object.keys(COPIES) as ContentCoding[]).filter((coding) => isFile(file + COPIES[coding]));
    const coding = preferredCoding(request.headers['accept-encoding'], available);
    if (available.length > 0) response.vary('Accept-Encoding');
    response.setHeader('Cache-Control', IMMUTABLE);
    if (coding) {
      // The type of the file itself, not of its .br or .gz copy.
      response.type(extname(file));
      response.setHeader('Content-Encoding', coding);
    }
    response.sendFile(coding ? file + COPIES[coding] : file, { dotfiles: 'deny' }, (error?: Error) => {
      if (error && !response.headersSent) next(error);
    });
  };

  const serveIndex = (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (isServerPath(request)) return next();
    if (!existsSync(indexFile)) {
      response
        .status(503)
        .type('text/plain')
        .send('The Samverkan web app has not been built yet. Run "npm run build:web" (npm start does it for you).');
      return;
    }
    response.setHeader('Cache-Control', NO_CACHE);
    response.sendFile(indexFile);
  };
  return [
    (request, response, next) => (isServerPath(request) ? next() : serveAsset(request, response, next)),
    (request, response, next) => (isServerPath(request) ? next() : serveFiles(request, response, next)),
    serveIndex,
  ];
}
