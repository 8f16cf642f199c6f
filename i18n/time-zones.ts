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
