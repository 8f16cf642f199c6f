import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { createElement } from 'react';
import { moveWindow, openWindow, pairWindowKey, type PairWindow } from '../db/answers.js';
import { checkInAnswersOf, insertAlert, markLeft, recordCheckIn, recordFinalSurvey, recordSignature, savePairSummary, setCharterDeadline, setPairHealth, setPairPaused, setPairStage } from '../db/pair-lifecycle.js';
import type { FinalSurveyAnswers } from '../domain/final-survey.js';
import FinalSurveyRequest from '../emails/FinalSurveyRequest.js';
import type { CheckInAnswers, Health } from '../domain/check-in.js';
import CheckInRequest from '../emails/CheckInRequest.js';
import { getCohort, type Cohort } from '../db/cohorts.js';
import { endPair, getPair, type Pair } from '../db/matching.js';
import { getParticipant, type Participant } from '../db/participants.js';
import type { Sql } from '../db/sql.js';
import { LINK_GRACE_MS, type LinkSigner } from '../domain/link-tokens.js';
import { formatInstant } from '../domain/schedule.js';
import AdminAlert from '../emails/AdminAlert.js';
import CharterInvitation from '../emails/CharterInvitation.js';
import KickOff from '../emails/KickOff.js';
import PairDissolved from '../emails/PairDissolved.js';
import PairPaused from '../emails/PairPaused.js';
import { cohortWorkflowId, pairClosedSignal, pairEndedSignal } from '../workflows/cohort/contract.js';
import type { SendMessage } from './email/mailer.js';

export interface PairLifecycleActivityDeps {
  sql: Sql;
  sendMessage: SendMessage;
  links: LinkSigner;
  publicBaseUrl: string;
  adminAlertsTo?: string;
  temporal: { client: Client };
}

interface PairContext {
  pair: Pair;
  cohort: Cohort;
  mentee: Participant;
  mentor: Participant;
}

/** A pair's life after the match: the charter (or the dissolution), the kick-off, check-ins and health, the final survey. */
export function createPairLifecycleActivities(deps: PairLifecycleActivityDeps) {
  const { sql, sendMessage, links } = deps;

  async function load(pairId: string): Promise<PairContext> {
    const pair = await getPair(sql, pairId);
    if (!pair) throw new Error(`Pair ${pairId} is not in the database`);
    const [cohort, mentee, mentor] = await Promise.all([getCohort(sql, pair.cohortId), getParticipant(sql, pair.menteeId), getParticipant(sql, pair.mentorId)]);
    return { pair, cohort: cohort!, mentee: mentee!, mentor: mentor! };
  }

  const partnerOf = ({ mentee, mentor }: PairContext, person: Participant) => (person.id === mentee.id ? mentor : mentee);

  async function sendCharter(context: PairContext, people: Participant[], deadline: string, reminder: boolean, nudge?: number) {
    for (const person of people) {
      const token = links.sign({ scope: 'charter', participantId: person.id, subjectId: context.pair.id, expiresAt: Date.parse(deadline) + LINK_GRACE_MS });
      await sendMessage({
        idempotencyKey: `charter-${nudge ? `nudge-${nudge}` : reminder ? 'reminder' : 'invitation'}:${context.pair.id}:${person.id}`,
        kind: reminder ? 'charter-reminder' : 'charter-invitation',
        cohortId: context.cohort.id,
        participantId: person.id,
        to: person,
        subject: reminder ? `Reminder: sign your ${context.cohort.name} charter by ${formatInstant(deadline)}` : `${context.cohort.name}: sign your charter of commitment`,
        body: createElement(CharterInvitation, {
          name: person.name, partnerName: partnerOf(context, person).name, cohortName: context.cohort.name, charter: context.cohort.charter,
          charterUrl: `${deps.publicBaseUrl}/charter/${token}`, deadline: formatInstant(deadline), reminder,
        }),
      });
    }
  }

  /** Paused or resumed: the same news to both. */
  async function tellBoth(context: PairContext, key: string, kind: string, subject: string, news: { reason?: string; next?: string }) {
    for (const person of [context.mentee, context.mentor]) {
      await sendMessage({
        idempotencyKey: `${key}:${person.id}`,
        kind,
        cohortId: context.cohort.id,
        participantId: person.id,
        to: person,
        subject,
        body: createElement(PairPaused, { name: person.name, cohortName: context.cohort.name, partnerName: partnerOf(context, person).name, ...news }),
      });
    }
  }

  /** Opens one of the pair's answer windows: from now until `closesAt`, the web accepts answers to it. */
  const openPairWindow = (context: PairContext, window: PairWindow, closesAt: string) =>
    openWindow(sql, { ...pairWindowKey(context.pair.id, window), cohortId: context.cohort.id, pairId: context.pair.id, closesAt: new Date(closesAt) });

  async function alert(context: PairContext, key: string, message: string) {
    if (!(await insertAlert(sql, { key, cohortId: context.cohort.id, pairId: context.pair.id, message })) || !deps.adminAlertsTo) return;
    await sendMessage({
      idempotencyKey: `alert:${key}`,
      kind: 'admin-alert',
      cohortId: context.cohort.id,
      to: { name: 'Tandem admin', email: deps.adminAlertsTo },
      subject: `${context.cohort.name}: ${message}`,
      body: createElement(AdminAlert, { cohortName: context.cohort.name, message, cohortUrl: `${deps.publicBaseUrl}/admin/cohorts/${context.cohort.slug}` }),
    });
  }

  return {
    async openCharter({ pairId, deadline }: { pairId: string; deadline: string }): Promise<void> {
      const context = await load(pairId);
      await setPairStage(sql, pairId, 'charter', new Date(deadline));
      await openPairWindow(context, { form: 'charter' }, deadline);
      await sendCharter(context, [context.mentee, context.mentor], deadline, false);
    },

    async remindCharter({ pairId, participantIds, deadline, nudge }: { pairId: string; participantIds: string[]; deadline: string; nudge?: number }): Promise<void> {
      const context = await load(pairId);
      await sendCharter(context, [context.mentee, context.mentor].filter((p) => participantIds.includes(p.id)), deadline, true, nudge);
    },

    async recordSignature({ pairId, participantId, typedName }: { pairId: string; participantId: string; typedName: string }): Promise<{ signedAt: string }> {
      return { signedAt: (await recordSignature(sql, pairId, participantId, typedName)).signedAt.toISOString() };
    },

    async alertCharterUnsigned({ pairId, participantIds, deadline }: { pairId: string; participantIds: string[]; deadline: string }): Promise<void> {
      const context = await load(pairId);
      const missing = [context.mentee, context.mentor].filter((p) => participantIds.includes(p.id)).map((p) => p.name);
      await alert(context, `charter-unsigned:${pairId}`, `${context.mentee.name} (mentee) and ${context.mentor.name} (mentor): the charter is not signed by ${missing.join(' and ')}; the pair is dissolved at ${formatInstant(deadline)}. On the pair's page you can extend the deadline, or keep both in the programme for a new match.`);
    },

    async kickOffPair({ pairId, checkIns }: { pairId: string; checkIns: string[] }): Promise<void> {
      const context = await load(pairId);
      await setPairStage(sql, pairId, 'active');
      for (const person of [context.mentee, context.mentor]) {
        const partner = partnerOf(context, person);
        await sendMessage({
          idempotencyKey: `kick-off:${pairId}:${person.id}`,
          kind: 'kick-off',
          cohortId: context.cohort.id,
          participantId: person.id,
          to: person,
          subject: `${context.cohort.name}: your pair with ${partner.name} starts`,
          body: createElement(KickOff, {
            name: person.name, cohortName: context.cohort.name, partnerName: partner.name, partnerEmail: partner.email, partnerRole: partner.role,
            charter: context.cohort.charter, checkIns: checkIns.map((c) => formatInstant(c)), programmeEnd: formatInstant(context.cohort.programmeEndsAt!.getTime()),
          }),
        });
      }
    },

    async saveCharterDeadline({ pairId, deadline }: { pairId: string; deadline: string }): Promise<void> {
      await setCharterDeadline(sql, pairId, new Date(deadline));
      await moveWindow(sql, pairWindowKey(pairId, { form: 'charter' }), new Date(deadline));
    },

    /** The admin paused the pair: shown on the admin pages, and both are told why. */
    async pausePair({ pairId, pause, reason }: { pairId: string; pause: number; reason: string }): Promise<void> {
      const context = await load(pairId);
      await setPairPaused(sql, pairId, { since: new Date(), reason });
      await tellBoth(context, `pair-paused:${pairId}:${pause}`, 'pair-paused', `${context.cohort.name}: your pair is paused`, { reason });
    },

    /** The pair runs again (its open check-in later by the time paused): both are told what comes next. */
    async resumePair({ pairId, pause, next, window }: { pairId: string; pause: number; next: string; window?: PairWindow & { closesAt: string } }): Promise<void> {
      const context = await load(pairId);
      if (window) await moveWindow(sql, pairWindowKey(pairId, window), new Date(window.closesAt));
      await setPairPaused(sql, pairId, null);
      await tellBoth(context, `pair-resumed:${pairId}:${pause}`, 'pair-resumed', `${context.cohort.name}: your pair resumes`, { next });
    },

    /** Opens a check-in round: each party (or, for a reminder, each silent party) gets the form by link. */
    async requestCheckIn({ pairId, round, closesAt, participantIds, reminder, nudge }: { pairId: string; round: number; closesAt: string; participantIds: string[]; reminder: boolean; nudge?: number }): Promise<void> {
      const context = await load(pairId);
      if (!reminder) await openPairWindow(context, { form: 'check-in', round }, closesAt);
      for (const person of [context.mentee, context.mentor].filter((p) => participantIds.includes(p.id))) {
        const token = links.sign({ scope: 'check-in', participantId: person.id, subjectId: `${pairId}#${round}`, expiresAt: Date.parse(closesAt) + LINK_GRACE_MS });
        await sendMessage({
          idempotencyKey: `check-in-${nudge ? `nudge-${nudge}` : reminder ? 'reminder' : 'request'}:${pairId}:${round}:${person.id}`,
          kind: reminder ? 'check-in-reminder' : 'check-in',
          cohortId: context.cohort.id,
          participantId: person.id,
          to: person,
          subject: `${context.cohort.name}: ${reminder ? 'reminder, ' : ''}a one-minute check-in`,
          body: createElement(CheckInRequest, {
            name: person.name, partnerName: partnerOf(context, person).name, cohortName: context.cohort.name,
            checkInUrl: `${deps.publicBaseUrl}/check-in/${token}`, closes: formatInstant(closesAt), first: round === 0, reminder,
          }),
        });
      }
    },

    async recordCheckIn({ pairId, round, participantId, answers }: { pairId: string; round: number; participantId: string; answers: CheckInAnswers }): Promise<void> {
      await recordCheckIn(sql, pairId, round, participantId, answers);
    },

    /** The pair's health after a check-in, on the admin pages; anything but "on track" alerts the admin. */
    async recordHealth({ pairId, round, health, reasons }: { pairId: string; round: number; health: Health; reasons: string[] }): Promise<void> {
      const context = await load(pairId);
      await setPairHealth(sql, pairId, health, reasons);
      if (health === 'on-track') return;
      // What is in their way, in their words: kept out of the workflow, told to the admin.
      const answers = await checkInAnswersOf(sql, pairId, round);
      const words = [context.mentee, context.mentor].filter((p) => answers[p.id]?.blocking).map((p) => ` ${p.name}: “${answers[p.id]!.blocking.slice(0, 300)}”`);
      await alert(context, `health:${pairId}:${round}`, `${context.mentee.name} (mentee) and ${context.mentor.name} (mentor) ${health === 'at-risk' ? 'are at risk' : 'need attention'} after check-in ${round + 1}: ${reasons.join('; ')}.${words.join('')}`);
    },

    /** The satisfaction survey that closes the pair, to each party (or, for a reminder, the silent). */
    async requestFinalSurvey({ pairId, closesAt, participantIds, reminder, nudge }: { pairId: string; closesAt: string; participantIds: string[]; reminder: boolean; nudge?: number }): Promise<void> {
      const context = await load(pairId);
      await setPairStage(sql, pairId, 'final-survey');
      if (!reminder) await openPairWindow(context, { form: 'final-survey' }, closesAt);
      for (const person of [context.mentee, context.mentor].filter((p) => participantIds.includes(p.id))) {
        const token = links.sign({ scope: 'final-survey', participantId: person.id, subjectId: pairId, expiresAt: Date.parse(closesAt) + LINK_GRACE_MS });
        await sendMessage({
          idempotencyKey: `final-survey-${nudge ? `nudge-${nudge}` : reminder ? 'reminder' : 'request'}:${pairId}:${person.id}`,
          kind: reminder ? 'final-survey-reminder' : 'final-survey',
          cohortId: context.cohort.id,
          participantId: person.id,
          to: person,
          subject: `${context.cohort.name}: ${reminder ? 'reminder, ' : ''}how did it go?`,
          body: createElement(FinalSurveyRequest, {
            name: person.name, partnerName: partnerOf(context, person).name, cohortName: context.cohort.name, role: person.role,
            surveyUrl: `${deps.publicBaseUrl}/final-survey/${token}`, closes: formatInstant(closesAt), reminder,
          }),
        });
      }
    },

    async recordFinalSurvey({ pairId, participantId, answers }: { pairId: string; participantId: string; answers: FinalSurveyAnswers }): Promise<void> {
      await recordFinalSurvey(sql, pairId, participantId, answers);
    },

    /** The pair is over: its summary is stored, and the cohort is told (it closes when its last pair has). */
    async completePair({ pairId, reason, summary, stage }: { pairId: string; reason: string; summary: object; stage: 'completed' | 'ended' }): Promise<void> {
      const context = await load(pairId);
      await endPair(sql, pairId, reason);
      await savePairSummary(sql, pairId, summary);
      await setPairStage(sql, pairId, stage);
      try {
        await deps.temporal.client.workflow.getHandle(cohortWorkflowId(context.cohort.slug)).signal(pairClosedSignal, { pairId });
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    },

    /**
     * The charter was not signed by both in time: the pair ends, whoever signed (or both, if the admin so
     * decided) goes back to the cohort for a new partner, the other leaves the programme, and everyone is told.
     */
    async dissolvePair({ pairId, signedIds, rematchIds = signedIds }: { pairId: string; signedIds: string[]; rematchIds?: string[] }): Promise<void> {
      const context = await load(pairId);
      const people = [context.mentee, context.mentor];
      await endPair(sql, pairId, 'charter not signed in time');
      await setPairStage(sql, pairId, 'dissolved');
      await markLeft(sql, people.filter((p) => !rematchIds.includes(p.id)).map((p) => p.id));
      for (const person of people) {
        await sendMessage({
          idempotencyKey: `pair-dissolved:${pairId}:${person.id}`,
          kind: 'pair-dissolved',
          cohortId: context.cohort.id,
          participantId: person.id,
          to: person,
          subject: `${context.cohort.name}: your pair did not start`,
          body: createElement(PairDissolved, { name: person.name, cohortName: context.cohort.name, partnerName: partnerOf(context, person).name, staysInProgramme: rematchIds.includes(person.id), signed: signedIds.includes(person.id) }),
        });
      }
      await alert(context, `pair-dissolved:${pairId}`, `${context.mentee.name} (mentee) and ${context.mentor.name} (mentor): the pair is dissolved, the charter was not signed in time.`);
      if (rematchIds.length === 0) return;
      try {
        await deps.temporal.client.workflow.getHandle(cohortWorkflowId(context.cohort.slug)).signal(pairEndedSignal, { participantIds: rematchIds, reason: 'charter not signed in time' });
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error; // the cohort has ended: nobody to rematch
      }
    },
  };
}
