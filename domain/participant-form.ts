import { z } from 'zod';
import { LOCALES } from '../i18n/locales.js';
import { parseTimeZone } from '../i18n/time-zones.js';
import { ROLES } from './types.js';

/**
 * The admin's "add a participant" form, for people who join after the cohort started. Its problems have no
 * words of their own: the cohort's page answers any of them with what the form needs (a name, a valid email,
 * a role, and a time zone it knows if one is given), in the admin's language. A blank language of emails or
 * time zone is the cohort's.
 */
export const participantFormSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().trim().toLowerCase(),
  role: z.enum(ROLES),
  language: z.string().trim().max(200).default(''),
  communication: z
    .union([z.enum(LOCALES), z.literal('')])
    .default('')
    .transform((v) => v || null),
  timeZone: z
    .string()
    .trim()
    .default('')
    .transform((v, ctx) => {
      if (v === '') return null;
      const zone = parseTimeZone(v);
      if (!zone) ctx.addIssue({ code: 'custom', message: 'unknown time zone' });
      return zone ?? null;
    }),
});

export type ParticipantForm = z.infer<typeof participantFormSchema>;
