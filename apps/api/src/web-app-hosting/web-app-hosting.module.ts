import { Module } from '@nestjs/common';
import { ClientConfigController } from './client-config.controller';

/**
 * Serving the built web app (apps/web) from the api's origin: its settings before sign-in here; its files and
 * their precompressed copies by the middleware in web-app.middleware.ts, which app.factory.ts mounts.
 */
@Module({ controllers: [ClientConfigController] })
export class WebAppHostingModule {}
