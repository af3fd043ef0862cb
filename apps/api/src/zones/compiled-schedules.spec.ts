import type { Schedule } from '@samverkan/contracts';
import { evaluateZoneTime } from '@samverkan/geo';
import { CompiledSchedules } from './compiled-schedules';

const WEEKDAYS: Schedule = { timezone: 'Europe/Stockholm', windows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }] };
const NIGHTS: Schedule = { timezone: 'Europe/Stockholm', windows: [{ days: [5, 6], from: '22:00', to: '04:00' }] };

describe('CompiledSchedules', () => {
  it('compiles a version’s schedule once, and a new version’s again', () => {
    const schedules = new CompiledSchedules();
    const first = schedules.of('zone-1', 1, WEEKDAYS);
    expect(schedules.of('zone-1', 1, WEEKDAYS)).toBe(first);
    expect(schedules.of('zone-1', 2, NIGHTS)).not.toBe(first);
    expect(schedules.of('zone-1', 3, null)).toBeUndefined();
  });

  it('answers exactly what evaluating the schedule afresh answers, at any moment', () => {
    const schedules = new CompiledSchedules();
    for (const [version, schedule] of [WEEKDAYS, NIGHTS].entries()) {
      const compiled = schedules.of('zone-1', version, schedule);
      for (let hour = 0; hour < 24 * 9; hour += 5) {
        const at = new Date(Date.UTC(2026, 2, 25, hour, 17)); // across the change to summer time
        const timing = { schedule, validFrom: null, validUntil: '2026-04-01T12:00:00+02:00' };
        expect(evaluateZoneTime({ ...timing, compiled }, at)).toEqual(evaluateZoneTime(timing, at));
      }
    }
  });
});
