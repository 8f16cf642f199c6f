import { z } from 'zod';
import type { MessageKey } from '../i18n/translator.js';
import { LOCALES } from '../i18n/locales.js';
import { ROLES } from './types.js';

/**
 * The public sign-up form behind a cohort's enrolment link: who the person is, whether they join as mentor or
 * mentee, and the language they want to be written to. Its messages are catalogue keys, so each visitor reads
 * them in the page's language.
 */
export const enrolmentFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'error.enrolment.name' satisfies MessageKey)
    .max(200, 'error.tooLong' satisfies MessageKey),
  email: z
    .email({ error: 'error.enrolment.email' satisfies MessageKey })
    .trim()
    .toLowerCase()
    .max(320, 'error.tooLong' satisfies MessageKey),
  role: z.enum(ROLES, { error: 'error.enrolment.role' satisfies MessageKey }),
  language: z.enum(LOCALES, { error: 'error.option' satisfies MessageKey }),
});

export type EnrolmentForm = z.infer<typeof enrolmentFormSchema>;

/** How long the confirmation link of a sign-up stays valid. */
export const CONFIRMATION_VALID_MS = 48 * 3_600_000;

/** Sign-up attempts one network address may make in an hour, across cohorts: a newsletter's readers, not a script. */
export const ATTEMPTS_PER_ADDRESS_PER_HOUR = 10;

/** The admin opens the link for at most this many sign-ups (confirmed, or waiting for their confirmation). */
export const enrolmentSettingsSchema = z.object({
  cap: z.coerce.number().int().min(1).max(100_000),
});
