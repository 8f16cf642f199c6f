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
      reasons: HealthReason[];
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

/** A reason for a pair's health in the reader's words. */
export const describeHealthReason = (reason: HealthReason, { t }: Translator) => t(`health.${reason.kind}`, reason);

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

/** How soon an alert needs the admin: a pair at risk now; a pair that may stall or a person left waiting; news. */
export type Severity = 'urgent' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['urgent', 'warning', 'info'];

export function severityOf(details: AlertDetails | null): Severity {
  switch (details?.kind) {
    case 'health':
      return details.atRisk ? 'urgent' : 'warning';
    case 'pair-dissolved':
    case 'proposal-withdrawn':
      return 'info';
    default:
      return 'warning';
  }
}

/** Alerts of one pair together (or of the cohort as a whole: `pairId` null), as severe as their most severe. */
export interface AlertGroup<A> {
  pairId: string | null;
  severity: Severity;
  alerts: A[];
}

/** The most severe groups first, then the most recent; within a group, newest first. */
export function groupAlerts<A extends { pairId: string | null; details: AlertDetails | null; createdAt: Date }>(
  alerts: A[],
): AlertGroup<A>[] {
  const groups = new Map<string | null, A[]>();
  for (const alert of alerts) groups.set(alert.pairId, [...(groups.get(alert.pairId) ?? []), alert]);
  const rank = (severity: Severity) => SEVERITIES.indexOf(severity);
  const latest = (group: A[]) => Math.max(...group.map((a) => a.createdAt.getTime()));
  return [...groups]
    .map(([pairId, group]) => ({
      pairId,
      severity: SEVERITIES[Math.min(...group.map((a) => rank(severityOf(a.details))))]!,
      alerts: group.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()),
    }))
    .sort((a, b) => rank(a.severity) - rank(b.severity) || latest(b.alerts) - latest(a.alerts));
}
