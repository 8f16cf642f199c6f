/** Time zones by their IANA names ("Europe/Paris"), as `Intl` knows them. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** The canonical name of a time zone (any case), or undefined when `Intl` knows no such zone. */
export function parseTimeZone(value: string): string | undefined {
  const name = value.trim();
  if (!name) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Every zone the form offers, for its suggestions. */
export const TIME_ZONES: readonly string[] = [DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf('timeZone')];

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `timeZone` at an instant, as milliseconds since the epoch of that clock read as UTC. */
function wallClockAt(instant: number, timeZone: string): number {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClocks.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(part.year!, part.month! - 1, part.day, part.hour, part.minute, part.second);
}

/**
 * The instant a clock in `timeZone` (a valid zone) shows `local`, a `<input type="datetime-local">` value
 * ("2026-12-12T18:00"). Undefined when no clock there ever shows it: not such a date, or skipped when the clocks
 * go forward. Shown twice when they go back, it is the earlier instant, the first time the clock shows it.
 */
export function zonedWallClockToInstant(local: string, timeZone: string): Date | undefined {
  const match = WALL_CLOCK.exec(local);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(asUtc).toISOString().slice(0, 16) !== local) return undefined; // 30 February, or 25:00
  // The zone's offsets a day either side cover any change of its clocks at that time; each offset gives one
  // candidate, which counts only if the clock does show `local` then.
  const offsets = [asUtc - 86_400_000, asUtc + 86_400_000].map((at) => wallClockAt(at, timeZone) - at);
  const found = offsets
    .map((offset) => asUtc - offset)
    .sort((a, b) => a - b)
    .find((at) => wallClockAt(at, timeZone) === asUtc);
  return found === undefined ? undefined : new Date(found);
}
