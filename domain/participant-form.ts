import { z } from 'zod';
import { ROLES } from './types.js';

/** The admin's "add a participant" form, for people who join after the cohort started. */
export const participantFormSchema = z.object({
  name: z.string().trim().min(1, 'Name: required').max(200, 'Name: at most 200 characters'),
  email: z.email('Email: not a valid email address').trim().toLowerCase(),
  role: z.enum(ROLES, { error: 'Role: choose mentor or mentee' }),
  language: z.string().trim().max(200).default(''),
});

export type ParticipantForm = z.infer<typeof participantFormSchema>;
