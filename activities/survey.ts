import { Context } from '@temporalio/activity';
import { createElement } from 'react';
import { closeCohortSurvey, getCohort, type Cohort } from '../db/cohorts.js';
import { listParticipants, openLateSurvey, type Participant } from '../db/participants.js';
import type { Sql } from '../db/sql.js';
import { closeWindow, openWindow } from '../db/answers.js';
import { countSurveyAnswers, getSurveyAnswers, saveLegacySurveyAnswers } from '../db/survey-answers.js';
import { LINK_GRACE_MS, type LinkSigner } from '../domain/link-tokens.js';
import { formatInstant, surveyReminderTimes } from '../domain/schedule.js';
import type { SurveyAnswers } from '../domain/survey.js';
import SurveyInvitation from '../emails/SurveyInvitation.js';
import SurveyReminder from '../emails/SurveyReminder.js';
import type { SendMessage } from './email/mailer.js';
import { forEachConcurrently } from './concurrency.js';

export interface SurveyActivityDeps {
  sql: Sql;
  sendMessage: SendMessage;
  links: LinkSigner;
  publicBaseUrl: string;
  /** Messages in flight at once; Resend's rate limit and the outbox's pool both like a small number. */
  emailConcurrency?: number;
}

/** The intake survey's side effects: emails with personal links, saved answers, the closing record. */
export function createSurveyActivities(deps: SurveyActivityDeps) {
  const { sql, sendMessage, links } = deps;

  /** A late joiner answers by their own deadline; everyone else by the cohort's. */
  const deadlineOf = (cohort: Cohort, participant: Participant) => participant.surveyDeadline?.getTime() ?? Date.parse(cohort.schedule.surveyDeadline);

  const surveyUrl = (cohort: Cohort, participant: Participant) =>
    `${deps.publicBaseUrl}/survey/${links.sign({
      scope: 'survey',
      participantId: participant.id,
      subjectId: cohort.id,
      expiresAt: deadlineOf(cohort, participant) + LINK_GRACE_MS,
    })}`;

  async function invite(cohort: Cohort, participants: Participant[]) {
    await emailEach(participants, (p) =>
      sendMessage({
        idempotencyKey: `survey-invitation:${p.id}`,
        kind: 'survey-invitation',
        cohortId: cohort.id,
        participantId: p.id,
        to: p,
        subject: `${cohort.name}: tell us what you need before we match you`,
        body: createElement(SurveyInvitation, { name: p.name, cohortName: cohort.name, role: p.role, surveyUrl: surveyUrl(cohort, p), deadline: formatInstant(deadlineOf(cohort, p)) }),
      }),
    );
  }

  async function mustGetCohort(cohortId: string): Promise<Cohort> {
    const cohort = await getCohort(sql, cohortId);
    if (!cohort) throw new Error(`Cohort ${cohortId} is not in the database`);
    return cohort;
  }

  /** Sends to each participant in turn, heartbeating progress; a retry skips whoever already has theirs. */
  async function emailEach(participants: Participant[], send: (p: Participant) => Promise<'sent' | 'already-sent'>) {
    let sent = 0;
    let done = 0;
    await forEachConcurrently(participants, deps.emailConcurrency ?? 8, async (participant) => {
      if ((await send(participant)) === 'sent') sent++;
      if (++done % 50 === 0) Context.current().heartbeat({ done });
    });
    return sent;
  }

  return {
    async sendSurveyInvitations({ cohortId }: { cohortId: string }): Promise<{ total: number; invited: number }> {
      const cohort = await mustGetCohort(cohortId);
      const participants = await listParticipants(sql, cohortId);
      await invite(cohort, participants);
      return { total: participants.length, invited: participants.length };
    },

    /** Participants added after the survey opened: invited now, with a survey window of their own. */
    async inviteLateJoiners({ cohortId, participantIds, deadline }: { cohortId: string; participantIds: string[]; deadline: string }): Promise<{ invited: number }> {
      const cohort = await mustGetCohort(cohortId);
      const participants = await openLateSurvey(sql, cohortId, participantIds, new Date(deadline));
      for (const p of participants) await openWindow(sql, { form: 'survey', subjectId: p.id, cohortId, closesAt: new Date(deadline) });
      await invite(cohort, participants);
      return { invited: participants.length };
    },

    async sendSurveyReminders({ cohortId, round }: { cohortId: string; round: number }): Promise<{ reminded: number }> {
      const cohort = await mustGetCohort(cohortId);
      const deadline = formatInstant(cohort.schedule.surveyDeadline);
      const lastCall = round >= surveyReminderTimes(cohort.schedule).length;
      const pending = await listParticipants(sql, cohortId, { unansweredOnly: true });
      await emailEach(pending, (p) =>
        sendMessage({
          idempotencyKey: `survey-reminder:${round}:${p.id}`,
          kind: 'survey-reminder',
          cohortId,
          participantId: p.id,
          to: p,
          subject: lastCall ? `Last call: the ${cohort.name} survey closes ${deadline}` : `Reminder: your ${cohort.name} survey`,
          body: createElement(SurveyReminder, { name: p.name, cohortName: cohort.name, surveyUrl: surveyUrl(cohort, p), deadline, lastCall }),
        }),
      );
      return { reminded: pending.length };
    },

    /** For the survey update of runs from before answers went to PostgreSQL first (their workflow checked the window). */
    async saveSurveySubmission(input: { cohortId: string; participantId: string; submissionId: string; answers: SurveyAnswers }): Promise<{ firstAnswer: boolean; answered: number }> {
      const before = await getSurveyAnswers(sql, input.participantId);
      await saveLegacySurveyAnswers(sql, input);
      const firstAnswer = !before || before.submissionId === input.submissionId;
      return { firstAnswer, answered: await countSurveyAnswers(sql, input.cohortId) };
    },

    /** Closes the survey once the answers being stored have landed; what is counted then is final. */
    async closeSurvey({ cohortId }: { cohortId: string }): Promise<{ answered: number; missing: number }> {
      await closeWindow(sql, { form: 'survey', subjectId: cohortId });
      await closeCohortSurvey(sql, cohortId);
      const [all, answered] = await Promise.all([listParticipants(sql, cohortId), countSurveyAnswers(sql, cohortId)]);
      return { answered, missing: all.length - answered };
    },
  };
}
