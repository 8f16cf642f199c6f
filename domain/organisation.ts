import { z } from 'zod';
import type { MessageKey } from '../i18n/translator.js';

/**
 * The association that runs the programmes: its name, logo and colour head every page and email, its emails
 * come from its sender and are answered to its reply-to, and participants are told whom to contact. One
 * schema: the admin's form, its type and its messages (catalogue keys).
 */
const optionalEmail = (error: MessageKey) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .max(200)
    .refine((v) => v === '' || z.email().safeParse(v).success, { error });

/** White text on buttons in this colour must be readable (WCAG AA, 4.5:1). */
export const MIN_CONTRAST = 4.5;

export const organisationSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'admin.organisation.error.name' satisfies MessageKey)
    .max(120, 'admin.organisation.error.name' satisfies MessageKey),
  colour: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^#[0-9a-f]{6}$/, 'admin.organisation.error.colour' satisfies MessageKey)
    .refine((c) => contrastWithWhite(c) >= MIN_CONTRAST, { error: 'admin.organisation.error.contrast' satisfies MessageKey }),
  senderName: z.string().trim().max(80).default(''),
  senderAddress: optionalEmail('admin.organisation.error.email'),
  replyTo: optionalEmail('admin.organisation.error.email'),
  contactName: z.string().trim().max(120).default(''),
  contactEmail: optionalEmail('admin.organisation.error.email'),
});

export type OrganisationSettings = z.infer<typeof organisationSchema>;

/** A logo as uploaded: PNG or JPEG (email clients show no SVG), small enough for every email to carry a link to it. */
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export const LOGO_MAX_BYTES = 200 * 1024;

/** What pages and emails show of the organisation; without settings, Tandem's own. */
export interface Brand {
  name: string;
  colour: string;
  /** Where the logo is served, absolute for emails; none without a logo. */
  logoUrl?: string;
  contact?: { name: string; email: string };
}

export const TANDEM_BRAND: Brand = { name: 'Tandem', colour: '#3b6e8f' };

/** The brand of saved settings; `logoVersion` changes the logo's address when it changes, so caches fetch it again. */
export function brandOf(settings: OrganisationSettings | undefined, publicBaseUrl: string, logoVersion?: string): Brand {
  if (!settings) return TANDEM_BRAND;
  return {
    name: settings.name,
    colour: settings.colour,
    ...(logoVersion ? { logoUrl: `${publicBaseUrl}/brand/logo?v=${logoVersion}` } : {}),
    ...(settings.contactEmail ? { contact: { name: settings.contactName || settings.name, email: settings.contactEmail } } : {}),
  };
}

/**
 * Who an email is from: the organisation's sender, or the operator's `EMAIL_FROM` address under the
 * organisation's name (the mail service sends only from a verified domain, which the operator set up).
 */
export function senderOf(settings: OrganisationSettings | undefined, emailFrom: string): string {
  if (!settings) return emailFrom;
  const name = (settings.senderName || settings.name).replace(/[<>",]/g, '');
  const address = settings.senderAddress || /<([^>]+)>/.exec(emailFrom)?.[1] || emailFrom.trim();
  return `${name} <${address}>`;
}

/** Where replies go: the reply-to, else the contact; none without either. */
export const replyToOf = (settings: OrganisationSettings | undefined): string | undefined =>
  settings ? settings.replyTo || settings.contactEmail || undefined : undefined;

/** The WCAG contrast ratio of a `#rrggbb` colour with white. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05);
}
