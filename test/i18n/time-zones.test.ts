import { describe, expect, it } from 'vitest';
import { zonedWallClockToInstant } from '../../i18n/time-zones.js';

const instant = (local: string, zone: string) => zonedWallClockToInstant(local, zone)?.toISOString();

describe('a wall-clock time in a time zone', () => {
  it('is the instant its clock shows it, in winter and in summer', () => {
    expect(instant('2026-12-12T18:00', 'Europe/Paris')).toBe('2026-12-12T17:00:00.000Z');
    expect(instant('2026-07-01T09:30', 'Europe/Paris')).toBe('2026-07-01T07:30:00.000Z');
    expect(instant('2026-01-15T08:00', 'America/New_York')).toBe('2026-01-15T13:00:00.000Z');
    expect(instant('2026-07-15T08:00', 'America/New_York')).toBe('2026-07-15T12:00:00.000Z');
    expect(instant('2026-03-29T23:59', 'UTC')).toBe('2026-03-29T23:59:00.000Z');
    expect(instant('2026-10-25T12:00', 'Asia/Kolkata')).toBe('2026-10-25T06:30:00.000Z');
  });

  it('does not exist when the clocks go forward over it', () => {
    expect(instant('2026-03-29T02:30', 'Europe/Paris')).toBeUndefined();
    expect(instant('2026-03-08T02:00', 'America/New_York')).toBeUndefined();
    // Either side of the gap exists.
    expect(instant('2026-03-29T01:59', 'Europe/Paris')).toBe('2026-03-29T00:59:00.000Z');
    expect(instant('2026-03-29T03:00', 'Europe/Paris')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('is the earlier of the two instants when the clocks go back over it', () => {
    expect(instant('2026-10-25T02:30', 'Europe/Paris')).toBe('2026-10-25T00:30:00.000Z');
    expect(instant('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('is nothing when it is not a date and time', () => {
    expect(instant('2026-02-30T10:00', 'UTC')).toBeUndefined();
    expect(instant('2026-12-12T24:00', 'UTC')).toBeUndefined();
    expect(instant('12/12/2026 18:00', 'UTC')).toBeUndefined();
    expect(instant('', 'UTC')).toBeUndefined();
  });
});
