import type { Schedule } from '@samverkan/contracts';
import { compileSchedule, type CompiledSchedule } from '@samverkan/geo';

/** Enough for every version in force of a large deployment; past it the oldest are made again when asked. */
const MAX_VERSIONS = 20_000;

/**
 * Zone schedules compiled once per version (a version's schedule never changes: a change is a new version),
 * so the position check does no work per request that does not depend on the request.
 */
export class CompiledSchedules {
  private readonly byVersion = new Map<string, CompiledSchedule>();

  of(zoneId: string, version: number, schedule: Schedule | null): CompiledSchedule | undefined {
    if (!schedule) return undefined;
    const key = `${zoneId}:${version}`;
    let compiled = this.byVersion.get(key);
    if (!compiled) {
      if (this.byVersion.size >= MAX_VERSIONS) this.byVersion.delete(this.byVersion.keys().next().value!);
      compiled = compileSchedule(schedule);
      this.byVersion.set(key, compiled);
    }
    return compiled;
  }
}
