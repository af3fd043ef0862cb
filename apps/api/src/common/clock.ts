import { Injectable, Module } from '@nestjs/common';

/**
 * The current time, injected wherever "now" decides an outcome (how old a report may be, which kits are
 * expiring), so tests can set it: `jest.spyOn(app.get(Clock), 'now')`.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** Imported by every feature that needs the time; Nest makes one instance, so a test sets it once for all. */
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
