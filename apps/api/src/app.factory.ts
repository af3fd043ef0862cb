import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { refuseDeepJson } from './common/json-depth';
import { isOriginAllowed } from './common/origin-policy';
import { createValidationPipe } from './common/validation.pipe';
import { AppConfig } from './config/app-config';
import { jsonCompression } from './common/json-compression';
import { LeanIoAdapter } from './realtime/lean-io.adapter';
import { webAppHandlers } from './web-app-hosting/web-app.middleware';

/** The base map's host for the Content-Security-Policy: `{s}` subdomains become a wildcard. */
function tileSource(tileUrl: string): string {
  const url = new URL(tileUrl.replace(/\{s\}/g, 'tile-subdomain').replace(/\{[a-z]\}/g, '0'));
  return `${url.protocol}//${url.host.replace('tile-subdomain', '*')}`;
}

/** Builds the api (not yet listening) with everything a request passes through. Used by main.ts and the tests. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useWebSocketAdapter(new LeanIoAdapter(app));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Express's own parser rather than useBodyParser, whose options leave out `verify` (Nest keeps it for raw bodies).
  app.use(json({ limit: '1mb', verify: refuseDeepJson }));
  app.use(jsonCompression());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:', tileSource(config.tileUrl)],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.enableCors((request, callback) => {
    const allowed = isOriginAllowed(request.headers.origin, request.headers, request.secure, config);
    callback(null, allowed ? { origin: true, maxAge: 600 } : { origin: false });
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  for (const handler of webAppHandlers(config.webDistDir)) app.use(handler);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Samverkan API')
      .setDescription('Sites, agreed no-enforcement zones, messaging and meetings between police and harm reduction services.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
