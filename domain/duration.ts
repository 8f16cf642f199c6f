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

/** The units a form offers beside a duration's number, besides seconds (for a demo). */
export const FORM_UNITS = ['m', 'h', 'd', 'w'] as const;

/**
 * A form sends a duration as a number (`<name>`) and a unit (`<name>Unit`): joined here into one "14d", as the
 * field reads it. A duration typed whole ("14d", from a script or an older page) is kept as it is.
 */
export function joinDurationFields(body: unknown, names: readonly string[]): unknown {
  if (!body || typeof body !== 'object') return body;
  const form: Record<string, unknown> = { ...body };
  for (const name of names) {
    const [amount, unit] = [form[name], form[`${name}Unit`]];
    if (typeof amount === 'string' && /^\s*\d+\s*$/.test(amount) && typeof unit === 'string' && unit in UNIT_MS)
      form[name] = `${amount.trim()}${unit}`;
  }
  return form;
}

/** A duration as the form shows it again: its number and its unit (what was typed, if it is not a duration). */
export function splitDuration(text: string | undefined, unit: string | undefined): { amount: string; unit: string } {
  const match = DURATION_PATTERN.exec(text ?? '');
  return match ? { amount: match[1]!, unit: match[2]!.toLowerCase() } : { amount: text ?? '', unit: unit ?? 'd' };
}

/** A form field holding a duration; `invalid` is the catalogue's message for anything else, which names the field. */
export const durationField = (invalid: MessageKey) =>
  z
    .string()
    .trim()
    .refine((v) => (parseDuration(v) ?? 0) > 0, invalid)
    .transform((v) => parseDuration(v)!);
