import express, { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Serves the built browser app: its files, and index.html for any other browser path so the app's own
 * routes work on reload. `/api/...` and `/socket.io/...` are never answered with the page.
 */
export function webAppHandlers(webDistDir: string): express.RequestHandler[] {
  const indexFile = join(webDistDir, 'index.html');
  const serveFiles = express.static(webDistDir, { index: false, maxAge: '1h', fallthrough: true });
  const serveIndex = (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (/^\/(api|socket\.io)(\/|$)/.test(request.path)) return next();
    if (!existsSync(indexFile)) {
      response
        .status(503)
        .type('text/plain')
        .send('The Samverkan web app has not been built yet. Run "npm run build:web" (npm start does it for you).');
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile);
  };
  return [
    (request, response, next) => (/^\/(api|socket\.io)(\/|$)/.test(request.path) ? next() : serveFiles(request, response, next)),
    serveIndex,
  ];
}
