import type { Translator } from '../i18n/translator.js';
import type { HealthReason } from './pair-health.js';

/**
 * What an alert to the admin says, as data that names people by id only: worded when it is read, for each
 * reader (the admin pages in the admin's language, the email in the cohort's), with the names and words the
 * people's own rows hold then. So an alert copies nobody's name or text, and an erasure leaves it whole.
 * Alerts from before details keep the English of their message.
 */
export type AlertDetails =
  | {
      kind: 'health';
      menteeId: string;
      mentorId: string;
      atRisk: boolean;
      checkIn: number;
      reasons: (string | HealthReason)[];
      blockedIds: string[];
    }
  | { kind: 'charter-unsigned'; menteeId: string; mentorId: string; missingIds: string[]; deadline: string }
  | { kind: 'pair-dissolved'; menteeId: string; mentorId: string }
  | { kind: 'bounce'; participantId: string; reason: string }
  /** A rematch proposal the programme's end overtook in review. */
  | { kind: 'proposal-withdrawn'; mentees: number }
  /** Someone waiting for a new partner when too little of the programme remains to start a pair. */
  | { kind: 'too-late-to-rematch'; participantId: string };

/**
 * What the alert's people say at the time of reading: their names and addresses by id (absent once erased),
 * and what each wrote in the way of the pair at the check-in (a health alert's `blockedIds`).
 */
export interface AlertPeople {
  people: Record<string, { name: string; email: string }>;
  words: Record<string, string>;
}

/** A stored alert as readers get it: its details and what its people say now. */
export interface AlertView extends AlertPeople {
  message: string | null;
  details: AlertDetails | null;
}

/** A reason for a pair's health in the reader's words; runs from before reasons were data gave English sentences. */
export const describeHealthReason = (reason: string | HealthReason, { t }: Translator) =>
  typeof reason === 'string' ? reason : t(`health.${reason.kind}`, reason);

export function describeAlert(alert: AlertDetails, { people, words }: AlertPeople, text: Translator): string {
  const { t } = text;
  const name = (id: string) => people[id]?.name ?? t('alert.erasedPerson');
  switch (alert.kind) {
    case 'health': {
      const reasons = alert.reasons.map((reason) => describeHealthReason(reason, text)).join('; ');
      // What is in their way stays in their own words, quoted, as long as their row holds them.
      const blocking = alert.blockedIds
        .filter((id) => words[id])
        .map((id) => ` ${name(id)}: “${words[id]}”`)
        .join('');
      return (
        t('alert.health', {
          mentee: name(alert.menteeId),
          mentor: name(alert.mentorId),
          atRisk: alert.atRisk,
          checkIn: alert.checkIn,
          reasons,
        }) + blocking
      );
    }
    case 'charter-unsigned':
      return t('alert.charterUnsigned', {
        mentee: name(alert.menteeId),
        mentor: name(alert.mentorId),
        missing: text.list(alert.missingIds.map(name)),
        deadline: text.instant(alert.deadline),
      });
    case 'pair-dissolved':
      return t('alert.pairDissolved', { mentee: name(alert.menteeId), mentor: name(alert.mentorId) });
    case 'proposal-withdrawn':
      return t('alert.proposalWithdrawn', { mentees: alert.mentees });
    case 'too-late-to-rematch':
      return t('alert.tooLateToRematch', { name: name(alert.participantId) });
    case 'bounce': {
      const person = people[alert.participantId];
      return t('alert.bounce', { address: person ? `${person.name} <${person.email}>` : t('alert.erasedPerson'), reason: alert.reason });
    }
  }
}

/** A stored alert in the reader's words. */
export const alertText = (alert: AlertView, text: Translator) =>
  alert.details ? describeAlert(alert.details, alert, text) : (alert.message ?? '');
