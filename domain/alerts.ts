import type { Translator } from '../i18n/translator.js';
import type { HealthReason } from './pair-health.js';

/**
 * What an alert to the admin says, as data: stored with the alert and worded for each reader (the admin pages
 * in the admin's language, the email in the cohort's). Alerts from before keep the English of their message.
 */
export type AlertDetails =
  | { kind: 'health'; mentee: string; mentor: string; atRisk: boolean; checkIn: number; reasons: (string | HealthReason)[]; blocking: { name: string; words: string }[] }
  | { kind: 'charter-unsigned'; mentee: string; mentor: string; missing: string[]; deadline: string }
  | { kind: 'pair-dissolved'; mentee: string; mentor: string }
  | { kind: 'bounce'; name: string; email: string; reason: string };

/** A reason for a pair's health in the reader's words; runs from before reasons were data gave English sentences. */
export const describeHealthReason = (reason: string | HealthReason, { t }: Translator) =>
  typeof reason === 'string' ? reason : t(`health.${reason.kind}`, reason);

export function describeAlert(alert: AlertDetails, text: Translator): string {
  const { t } = text;
  switch (alert.kind) {
    case 'health': {
      const reasons = alert.reasons.map((reason) => describeHealthReason(reason, text)).join('; ');
      // What is in their way stays in their own words, quoted.
      return t('alert.health', { mentee: alert.mentee, mentor: alert.mentor, atRisk: alert.atRisk, checkIn: alert.checkIn, reasons }) + alert.blocking.map((b) => ` ${b.name}: “${b.words}”`).join('');
    }
    case 'charter-unsigned':
      return t('alert.charterUnsigned', { mentee: alert.mentee, mentor: alert.mentor, missing: text.list(alert.missing), deadline: text.instant(alert.deadline) });
    case 'pair-dissolved':
      return t('alert.pairDissolved', { mentee: alert.mentee, mentor: alert.mentor });
    case 'bounce':
      return t('alert.bounce', { address: `${alert.name} <${alert.email}>`, reason: alert.reason });
  }
}

/** A stored alert in the reader's words. */
export const alertText = (alert: { message: string; details: AlertDetails | null }, text: Translator) =>
  alert.details ? describeAlert(alert.details, text) : alert.message;
