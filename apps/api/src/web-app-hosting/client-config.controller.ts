import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Public } from '../auth/auth.decorators';
import type { ClientConfig } from '@samverkan/contracts';

/** Extension: the settings the browser app needs before sign-in (the base map). */
@ApiTags('operations')
@Controller('client-config')
export class ClientConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Get()
  get(): ClientConfig {
    return {
      tileUrl: this.config.tileUrl,
      tileAttribution: this.config.tileAttribution,
      demo: this.config.demo,
      passkeys: this.config.webAuthn !== null,
    };
  }
}
