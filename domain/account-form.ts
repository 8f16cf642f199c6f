import zxcvbn from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';
import { LOCALES } from '../i18n/locales.js';
import type { MessageKey } from '../i18n/translator.js';
import { ROLES } from './admin-roles.js';

/** The forms of admin accounts: an invitation, an account's role, a new password. Messages are catalogue keys. */
const key = (k: MessageKey) => k;

const name = z.string().trim().min(1, key('admin.accounts.error.name')).max(120, key('admin.accounts.error.name'));

export const invitationSchema = z.object({
  name,
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email(key('admin.accounts.error.email'))),
  role: z.enum(ROLES, key('admin.accounts.error.role')),
  language: z.enum(LOCALES, key('admin.accounts.error.language')),
  /** A checkbox: present when ticked. */
  limited: z.literal('on').optional(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const accountSettingsSchema = z.object({
  role: z.enum(ROLES, key('admin.accounts.error.role')),
  limited: z.literal('on').optional(),
  /** The cohorts the account manages (their alerts and reports, and all a limited manager may run). */
  cohorts: z.array(z.uuid()).default([]),
});

export const PASSWORD_MIN_LENGTH = 12;

/** zxcvbn's estimate from 0 to 4; 3 resists an offline attack on a slow hash for years. */
const MIN_STRENGTH = 3;
let estimator: InstanceType<typeof zxcvbn.ZxcvbnFactory> | undefined;

/**
 * Long enough, and not one of the commonest passwords or an easy variation of one, of the person's name or of
 * their email (zxcvbn's dictionaries: the 50,000 commonest passwords, keyboard patterns, common words).
 */
export function newPasswordSchema(person: { name: string; email: string | null }) {
  return z
    .object({
      password: z.string().min(PASSWORD_MIN_LENGTH, key('admin.password.error.short')).max(200, key('admin.password.error.long')),
      confirm: z.string(),
    })
    .refine((form) => strength(form.password, person) >= MIN_STRENGTH, { path: ['password'], error: key('admin.password.error.common') })
    .refine((form) => form.password === form.confirm, { path: ['confirm'], error: key('admin.password.error.confirm') });
}

function strength(password: string, person: { name: string; email: string | null }): number {
  estimator ??= new zxcvbn.ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const own = [...person.name.toLowerCase().split(/\s+/), ...(person.email ? person.email.toLowerCase().split(/[@.]/) : []), 'tandem'];
  return estimator.check(
    password,
    own.filter((word) => word.length > 2),
  ).score;
}
