import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PeopleModule } from '../people/people.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { SessionCache } from './session-cache';
import { SessionsModule } from './sessions.module';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { InstanceCachesModule } from '../common/instance-caches';
import { MfaChallenges } from './second-factor/mfa-challenges';
import { PasskeyCeremonies } from './second-factor/passkey-ceremonies';
import { PasskeyChallenges } from './second-factor/passkey-challenges';
import { PasskeysController } from './second-factor/passkeys.controller';
import { PasskeysRepository } from './second-factor/passkeys.repository';
import { PasskeysService } from './second-factor/passkeys.service';
import { SecondFactorController } from './second-factor/second-factor.controller';
import { SecondFactorRepository } from './second-factor/second-factor.repository';
import { SecondFactorService } from './second-factor/second-factor.service';

@Module({
  imports: [
    PeopleModule,
    SessionsModule,
    AuditModule,
    ClockModule,
    InstanceCachesModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        // A key object, made once: given the secret as a string, jsonwebtoken first tries to read it as a public
        // key and fails (an exception per verification, 5 % of the api's time while 2,000 sockets connect).
        const key = createSecretKey(Buffer.from(config.jwtSecret));
        return { secretOrKeyProvider: () => key, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } };
      },
    }),
  ],
  controllers: [AuthController, SecondFactorController, PasskeysController],
  providers: [AuthService, SessionCache, LoginThrottle, SecondFactorRepository, MfaChallenges, SecondFactorService, PasskeysRepository, PasskeyChallenges, PasskeyCeremonies, PasskeysService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, SessionCache],
})
export class AuthModule {}
