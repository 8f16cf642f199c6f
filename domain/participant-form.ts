import { z } from 'zod';
import { ROLES } from './types.js';

/**
 * The admin's "add a participant" form, for people who join after the cohort started. Its problems have no
 * words of their own: the cohort's page answers any of them with what the form needs (a name, a valid email
 * and a role), in the admin's language.
 */
export const participantFormSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().trim().toLowerCase(),
  role: z.enum(ROLES),
  language: z.string().trim().max(200).default(''),
});

export type ParticipantForm = z.infer<typeof participantFormSchema>;
