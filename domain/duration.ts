import { z } from 'zod';
import type { MessageKey } from '../i18n/translator.js';

/** Durations as people type them in forms: "30s", "10m", "2h", "14d", "2w". */
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
type Unit = keyof typeof UNIT_MS;

export const DURATION_PATTERN = /^\s*(\d{1,6})\s*(s|m|h|d|w)\s*$/i;

/** Milliseconds for a duration string, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION_PATTERN.exec(text);
  if (!match) return undefined;
  const unit = match[2]!.toLowerCase() as Unit;
  return Number(match[1]) * UNIT_MS[unit];
}

/** The largest whole unit that expresses `ms` exactly, so a parsed value prints back as typed. */
export function formatDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm', 's'] as const) {
    if (ms % UNIT_MS[unit] === 0 && ms >= UNIT_MS[unit]) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${Math.round(ms / 1000)}s`;
}

/** A form field holding a duration; `invalid` is the catalogue's message for anything else, which names the field. */
export const durationField = (invalid: MessageKey) =>
  z
    .string()
    .trim()
    .refine((v) => (parseDuration(v) ?? 0) > 0, invalid)
    .transform((v) => parseDuration(v)!);
