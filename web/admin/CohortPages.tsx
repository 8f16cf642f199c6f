import type { Cohort, CohortListItem } from '../../db/cohorts.js';
import type { Bounce } from '../../db/emails.js';
import type { Enrolment, EnrolmentRequest } from '../../db/enrolment.js';
import type { Alert } from '../../db/pair-lifecycle.js';
import type { Needs } from '../../domain/needs.js';
import type { MailingProgress } from '../../domain/mailing.js';
import { matchDoneBy, type MatchProgress } from '../../domain/match-progress.js';
import type { CommentText } from '../../domain/report.js';
import type { PairsQuery, PairsTable } from '../../domain/pairs-query.js';
import type { ParticipantProgress, SurveyFigures } from '../../db/participants.js';
import { ROLES } from '../../domain/types.js';
import { DURATION_PATTERN, formatDuration } from '../../domain/duration.js';
import { nextStep } from '../../domain/cohort-next-step.js';
import type { Translator } from '../../i18n/translator.js';
import type { CohortState } from '../../workflows/cohort/contract.js';
import { ASSETS } from '../assets.js';
import { AlertsCard } from './AlertsCard.js';
import { PairsCard } from './PairsCard.js';
import { ReportCard } from './ReportCard.js';
import { EnrolmentCard } from './EnrolmentCard.js';
import { NeedsCard } from './NeedsCard.js';
import { PeopleHint } from './PeoplePage.js';
import { useTranslator } from '../views/language.js';
import { Layout, type AdminFrame } from '../views/Layout.js';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../i18n/locales.js';

/*
 * A page component runs before its Layout provides the admin's translator, so pages read it from `admin.text`;
 * the components inside them call useTranslator().
 */

/** A duration as the cohort form takes it ("4w"), which a language may spell out ("4 semaines"). */
function duration({ t }: Translator, ms: number): string {
  const typed = formatDuration(ms);
  const [, count, unit] = DURATION_PATTERN.exec(typed)!;
  return t('admin.cohort.duration', { count: Number(count), unit: unit! });
}

export function CohortListPage(props: { admin: AdminFrame; cohorts: CohortListItem[] }) {
  const { t, instant } = props.admin.text;
  return (
    <Layout title={t('admin.cohorts.title')} admin={props.admin}>
      <h1>{t('admin.cohorts.title')}</h1>
      {props.admin.may('create') && (
        <p>
          <a class="button" href="/admin/cohorts/new">
            {t('admin.cohorts.new')}
          </a>
        </p>
      )}
      {props.cohorts.length === 0 ? (
        <p class="muted">{t('admin.cohorts.none')}</p>
      ) : (
        <table class="card">
          <thead>
            <tr>
              <th>{t('admin.cohorts.column.cohort')}</th>
              <th>{t('admin.cohorts.column.stage')}</th>
              <th>{t('admin.cohorts.column.participants')}</th>
              <th>{t('admin.cohorts.column.answered')}</th>
              <th>{t('admin.cohorts.column.created')}</th>
            </tr>
          </thead>
          <tbody>
            {props.cohorts.map((c) => (
              <tr>
                <td>
                  <a href={`/admin/cohorts/${c.slug}`}>{c.name}</a>
                </td>
                <td>{t(`admin.cohort.stage.${c.stage}`)}</td>
                <td>{c.participantCount}</td>
                <td>{c.answeredCount}</td>
                <td>{instant(c.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export interface CohortView {
  cohort: Cohort;
  state: CohortState | undefined;
  /** The survey's figures, and the first of those who have not answered (a page of them). */
  progress: { figures: SurveyFigures; firstMissing: ParticipantProgress[]; sending?: MailingProgress; matching?: MatchProgress };
  workflowUrl: string;
  latestRun?: { id: string; status: string; kind: string; pairs: number; mentees: number };
  alerts: Alert[];
  pairs: PairsTable;
  pairsQuery: PairsQuery;
  /** Participants the mail service refused to write to. */
  bounced: Bounce[];
  /** The report's comments in their authors' words. */
  comments: CommentText[];
}

/** While invitations go out at the mail provider's pace: how many are out, and when all should be. */
function InvitationsOnTheirWay({ sent, total, perMinute, doneBy }: MailingProgress) {
  const { t, instant } = useTranslator();
  return (
    <p class="notice" role="status" data-sending={`${sent}/${total}`}>
      <progress max={total} value={sent} aria-label={t('admin.cohort.sending.label')} /> {t('admin.cohort.sending.count', { sent, total })}
      {perMinute !== undefined && doneBy && <> {t('admin.cohort.sending.pace', { perMinute, doneBy: instant(doneBy) })}</>}
    </p>
  );
}

/** While a match runs: its phase from its heartbeat, the mentees placed, and when it should be done. */
function MatchUnderWay(progress: MatchProgress) {
  const { t, instant } = useTranslator();
  const { phase, done, total } = progress;
  const doneBy = matchDoneBy(progress, Date.now());
  return (
    <p class="notice" role="status" data-matching={phase}>
      {total !== undefined && done !== undefined && (
        <>
          <progress max={total} value={done} aria-label={t('admin.cohort.matching.label')} />{' '}
        </>
      )}
      {t(`admin.cohort.matching.${phase}`, { done: done ?? 0, total: total ?? 0 })}
      {doneBy && <> {t('admin.cohort.matching.doneBy', { doneBy: instant(doneBy) })}</>}
    </p>
  );
}

/** Live figures of the intake survey and who is still missing; the page refreshes this part on its own. */
export function SurveyProgress({ cohort, state, progress }: Pick<CohortView, 'cohort' | 'state' | 'progress'>) {
  const { t, instant } = useTranslator();
  const { participants, invited, answered, reminded } = progress.figures;
  const missingCount = participants - answered;
  const missing = progress.firstMissing;
  const stage = state?.stage ?? cohort.stage;
  return (
    <div id="progress" data-refresh={`/admin/cohorts/${cohort.slug}/progress`}>
      <div class="figures">
        <div class="figure">
          <b data-figure="participants">{participants}</b>
          {t('admin.cohort.figure.participants', { count: participants })}
        </div>
        <div class="figure">
          <b data-figure="invited">{invited}</b>
          {t('admin.cohort.figure.invited', { count: invited })}
        </div>
        <div class="figure">
          <b data-figure="answered">{answered}</b>
          {t('admin.cohort.figure.answered', { count: answered })}
        </div>
        <div class="figure">
          <b data-figure="reminded">{reminded}</b>
          {t('admin.cohort.figure.reminded', { count: reminded })}
        </div>
      </div>
      <p>
        {t('admin.cohort.stageLabel')} <strong data-stage={stage}>{t(`admin.cohort.stage.${stage}`)}</strong>
        {state === undefined && <span class="muted"> {t('admin.cohort.noWorkflow')}</span>}
        {stage === 'survey' && <> · {t('admin.cohort.surveyCloses', { deadline: instant(cohort.schedule.surveyDeadline) })}</>}
      </p>
      {stage === 'survey' && progress.sending && <InvitationsOnTheirWay {...progress.sending} />}
      {stage === 'matching' && progress.matching && <MatchUnderWay {...progress.matching} />}
      {missing.length > 0 && (
        <>
          <h3>{t('admin.cohort.missing', { open: stage === 'survey', count: missingCount })}</h3>
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th>{t('admin.cohort.name')}</th>
                  <th>{t('admin.cohort.email')}</th>
                  <th>{t('admin.cohort.role')}</th>
                  <th>{t('admin.cohort.column.invited')}</th>
                  <th>{t('admin.cohort.column.reminders')}</th>
                </tr>
              </thead>
              <tbody>
                {missing.map((p) => (
                  <tr data-missing={p.email}>
                    <td>{p.name}</td>
                    <td>
                      {p.email}
                      {p.emailBounced && (
                        <>
                          {' '}
                          <span class="badge bad" data-bounced={p.email} title={p.emailBounced}>
                            {t('admin.cohort.emailBounced')}
                          </span>
                        </>
                      )}
                    </td>
                    <td>{t(`role.${p.role}`)}</td>
                    <td>{p.invitedAt && instant(p.invitedAt)}</td>
                    <td>{p.reminders}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {missingCount > missing.length && (
            <p class="hint">
              <a href={`/admin/cohorts/${cohort.slug}/people`}>{t('admin.cohort.missingMore', { count: missingCount - missing.length })}</a>
            </p>
          )}
        </>
      )}
    </div>
  );
}

export function CohortPage(
  props: CohortView & {
    admin: AdminFrame;
    needs: Needs;
    enrolment: Enrolment & { requests: EnrolmentRequest[]; origin: string; qrCode?: string };
    notice?: string;
    problem?: string;
    /** What participants will meet that the admin may want to change (a charter not in their language). */
    warnings?: string[];
    /** Names the page's actions, so that a double submit acts once. */
    requestId: string;
  },
) {
  const text = props.admin.text;
  const { t, instant } = text;
  const { cohort, state } = props;
  const schedule = cohort.schedule;
  const stage = state?.stage ?? cohort.stage;
  // While the survey is open it is what the admin follows; afterwards its figures and the needs move down the page.
  const surveyOpen = stage === 'survey';
  const survey = (
    <>
      <div class="card">
        <h2>{t('admin.cohort.survey.heading')}</h2>
        <SurveyProgress cohort={cohort} state={state} progress={props.progress} />
        {surveyOpen && props.admin.may('run') && (
          <div class="actions spaced">
            <form method="post" action={`/admin/cohorts/${cohort.slug}/remind`}>
              <input type="hidden" name="_csrf" value={props.admin.csrf} />
              <input type="hidden" name="requestId" value={props.requestId} />
              <button class="secondary" type="submit">
                {t('admin.cohort.survey.remind')}
              </button>
            </form>
            <form method="post" action={`/admin/cohorts/${cohort.slug}/close-survey`}>
              <input type="hidden" name="_csrf" value={props.admin.csrf} />
              <button class="secondary" type="submit">
                {t('admin.cohort.survey.close')}
              </button>
            </form>
          </div>
        )}
        {state === undefined && props.admin.may('run') && (
          <form method="post" action={`/admin/cohorts/${cohort.slug}/start`} class="spaced">
            <input type="hidden" name="_csrf" value={props.admin.csrf} />
            <button class="secondary" type="submit">
              {t('admin.cohort.start')}
            </button>
          </form>
        )}
      </div>
      <NeedsCard slug={cohort.slug} needs={props.needs} live={surveyOpen} />
    </>
  );
  return (
    <Layout title={cohort.name} admin={props.admin}>
      <h1>{cohort.name}</h1>
      {props.notice && (
        <div class="banner ok" role="status">
          {props.notice}
        </div>
      )}
      {props.problem && (
        <div class="banner bad" role="alert">
          {props.problem}
        </div>
      )}
      {props.warnings?.map((warning) => (
        <div class="banner info" data-warning>
          {warning}
        </div>
      ))}
      <div class="card" id="next">
        <h2>{t('admin.cohort.next.heading')}</h2>
        <p data-next-step={state?.stage ?? ''}>
          <NextStepText cohort={cohort} state={state} running={props.pairs.running} />
          {state === undefined && <span class="muted"> {t('admin.cohort.noWorkflow')}</span>}
        </p>
        {stage === 'review' && (
          <p>
            <a class="button" href={`/admin/cohorts/${cohort.slug}/matching`}>
              {t('admin.cohort.matching.review')}
            </a>
          </p>
        )}
        <p class="hint">
          {cohort.description && <>{cohort.description} · </>}
          {schedule.flash && (
            <span data-format="flash">
              {t('admin.cohort.flash', { meetings: schedule.flash.meetings, window: duration(text, schedule.flash.meetingWindowMs) })}{' '}
              ·{' '}
            </span>
          )}
          {t('admin.cohort.schedule', {
            checkIns: schedule.checkInCount,
            interval: duration(text, schedule.checkInIntervalMs),
            programme: duration(text, schedule.programmeDurationMs),
          })}
          {schedule.retentionMs !== undefined && <> · {t('admin.cohort.retention', { retention: duration(text, schedule.retentionMs) })}</>}
          {' · '}
          {t('admin.cohort.workflow')}{' '}
          <a href={props.workflowUrl} target="_blank" rel="noopener">
            cohort-{cohort.slug}
          </a>{' '}
          {t('admin.cohort.workflow.where')}
        </p>
      </div>
      {props.alerts.length > 0 && <AlertsCard slug={cohort.slug} alerts={props.alerts} csrf={props.admin.csrf} />}
      {props.bounced.length > 0 && (
        <div class="card" id="bounced">
          <h2>{t('admin.cohort.bounced.heading', { count: props.bounced.length })}</h2>
          <p class="hint">{t('admin.cohort.bounced.hint')}</p>
          <ul>
            {props.bounced.map((b) => (
              <li data-bounced={b.email}>
                {t('admin.cohort.bounced.item', { name: b.name, email: b.email, reason: b.reason, at: instant(b.at) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {surveyOpen && survey}
      {cohort.personalDataErasedAt && (
        <div class="banner ok" data-personal-data-erased>
          {t('admin.cohort.erased', { at: instant(cohort.personalDataErasedAt) })}
        </div>
      )}
      {cohort.report && <ReportCard slug={cohort.slug} report={cohort.report} comments={props.comments} flash={schedule.flash} />}
      {props.pairs.running + props.pairs.ended > 0 && <PairsCard slug={cohort.slug} table={props.pairs} query={props.pairsQuery} />}
      <MatchingCard {...props} />
      {!surveyOpen && survey}
      {stage !== 'closed' && (
        <>
          <EnrolmentCard
            slug={cohort.slug}
            csrf={props.admin.csrf}
            origin={props.enrolment.origin}
            enrolment={props.enrolment}
            requests={props.enrolment.requests}
            {...(props.enrolment.qrCode ? { qrCode: props.enrolment.qrCode } : {})}
          />
          {props.admin.may('run') && (
            <AddParticipantForm
              slug={cohort.slug}
              csrf={props.admin.csrf}
              cohortLanguage={cohort.language}
              cohortTimeZone={cohort.timeZone}
            />
          )}
        </>
      )}
      <div class="card" id="people">
        <h2>{t('admin.cohort.people.heading')}</h2>
        <p>
          <a href={`/admin/cohorts/${cohort.slug}/people`}>
            {t('admin.cohort.people.all', { count: props.progress.figures.participants })}
          </a>
        </p>
        <PeopleHint slug={cohort.slug} />
      </div>
      <script src={ASSETS.live} defer />
    </Layout>
  );
}

/** The cohort's next step in the admin's words, with its date. */
function NextStepText({ cohort, state, running }: { cohort: Cohort; state: CohortState | undefined; running: number }) {
  const { t, instant } = useTranslator();
  if (!state) return null;
  const step = nextStep(cohort.schedule, state, running, Date.now());
  switch (step.kind) {
    case 'survey':
      return (
        <>
          {t('admin.cohort.next.survey', {
            answered: step.answered,
            total: step.total,
            reminder: step.reminderAt ? 'yes' : 'no',
            reminderAt: step.reminderAt ? instant(step.reminderAt) : '',
            closesAt: instant(step.closesAt),
          })}
        </>
      );
    case 'matching':
      return <>{t('admin.cohort.next.matching')}</>;
    case 'review':
      return <>{t('admin.cohort.next.review', step)}</>;
    case 'running':
      return (
        <>
          {t('admin.cohort.next.running', {
            running: step.running,
            rematchUntil: instant(step.rematchUntil),
            endsAt: instant(step.endsAt),
          })}
        </>
      );
    case 'closing':
      return <>{t('admin.cohort.next.closing', { running: step.running, endedAt: instant(step.endedAt) })}</>;
    case 'closed':
      return (
        <>{t('admin.cohort.next.closed', { erase: step.eraseAt ? 'yes' : 'no', eraseAt: step.eraseAt ? instant(step.eraseAt) : '' })}</>
      );
  }
}

function MatchingCard({ cohort, state, latestRun }: CohortView) {
  const { t } = useTranslator();
  const stage = state?.stage ?? cohort.stage;
  return (
    <div class="card">
      <h2>{t('admin.cohort.matching.heading')}</h2>
      <p>
        <a href={`/admin/cohorts/${cohort.slug}/matching/settings`}>{t('admin.cohort.matching.settings')}</a>{' '}
        <span class="hint">{t('admin.cohort.matching.settingsHint')}</span>
      </p>
      {!latestRun ? (
        <p class="muted">{t(stage === 'survey' ? 'admin.cohort.matching.afterSurvey' : 'admin.cohort.matching.computing')}</p>
      ) : (
        <p>
          {t('admin.cohort.matching.run', { kind: latestRun.kind, pairs: latestRun.pairs, mentees: latestRun.mentees })}{' '}
          <strong>{t('admin.cohort.matching.status', { status: latestRun.status })}</strong>.{' '}
          <a href={`/admin/cohorts/${cohort.slug}/matching`}>
            {t(stage === 'review' ? 'admin.cohort.matching.review' : 'admin.cohort.matching.see')}
          </a>
        </p>
      )}
    </div>
  );
}

function AddParticipantForm({
  slug,
  csrf,
  cohortLanguage,
  cohortTimeZone,
}: {
  slug: string;
  csrf: string;
  cohortLanguage: Locale;
  cohortTimeZone: string;
}) {
  const { t } = useTranslator();
  return (
    <form method="post" action={`/admin/cohorts/${slug}/participants`} class="card">
      <h2>{t('admin.cohort.add.heading')}</h2>
      <p class="hint">{t('admin.cohort.add.hint')}</p>
      <input type="hidden" name="_csrf" value={csrf} />
      <label for="late-name">{t('admin.cohort.name')}</label>
      <input type="text" id="late-name" name="name" required />
      <label for="late-email">{t('admin.cohort.email')}</label>
      <input type="email" id="late-email" name="email" required />
      <label for="late-role">{t('admin.cohort.role')}</label>
      <select id="late-role" name="role">
        {ROLES.map((r) => (
          <option value={r}>{t(`role.${r}`)}</option>
        ))}
      </select>
      <label for="late-language">
        {t('admin.cohort.add.languages')} <span class="hint">{t('admin.cohort.add.languagesHint')}</span>
      </label>
      <input type="text" id="late-language" name="language" />
      <label for="late-communication">{t('admin.cohort.add.communication')}</label>
      <select id="late-communication" name="communication">
        <option value="">{t('admin.cohort.add.communicationDefault', { language: LOCALE_NAMES[cohortLanguage] })}</option>
        {LOCALES.map((l) => (
          <option value={l}>{LOCALE_NAMES[l]}</option>
        ))}
      </select>
      <label for="late-time-zone">
        {t('admin.cohort.add.timeZone')} <span class="hint">{t('admin.cohort.add.timeZoneHint', { zone: cohortTimeZone })}</span>
      </label>
      <input type="text" id="late-time-zone" name="timeZone" placeholder="Europe/Paris" />
      <p>
        <button class="secondary" type="submit">
          {t('admin.cohort.add.submit')}
        </button>
      </p>
    </form>
  );
}
