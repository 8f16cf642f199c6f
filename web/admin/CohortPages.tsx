import type { Cohort, CohortListItem } from '../../db/cohorts.js';
import type { Bounce } from '../../db/emails.js';
import type { Enrolment, EnrolmentRequest } from '../../db/enrolment.js';
import type { Alert } from '../../db/pair-lifecycle.js';
import { alertText, describeHealthReason } from '../../domain/alerts.js';
import type { Needs } from '../../domain/needs.js';
import { basisOf, type CohortReport, type CommentText } from '../../domain/report.js';
import type { Pair } from '../../db/matching.js';
import type { ParticipantProgress } from '../../db/participants.js';
import { ROLES } from '../../domain/types.js';
import { DURATION_PATTERN, formatDuration } from '../../domain/duration.js';
import type { Translator } from '../../i18n/translator.js';
import type { CohortState } from '../../workflows/cohort/contract.js';
import { ASSETS } from '../assets.js';
import { healthLabel, pairStageLabel } from './labels.js';
import { EnrolmentCard } from './EnrolmentCard.js';
import { NeedsCard } from './NeedsCard.js';
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
      <p>
        <a class="button" href="/admin/cohorts/new">
          {t('admin.cohorts.new')}
        </a>
      </p>
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
  progress: ParticipantProgress[];
  workflowUrl: string;
  /** Links a workflow id to its page in the Temporal UI. */
  workflowLink: (workflowId: string) => string;
  latestRun?: { id: string; status: string; kind: string; pairs: number; mentees: number };
  alerts: Alert[];
  pairs: (Pair & { menteeName: string; mentorName: string })[];
  /** Participants the mail service refused to write to. */
  bounced: Bounce[];
  /** The report's comments in their authors' words. */
  comments: CommentText[];
}

/** Live figures of the intake survey and who is still missing; the page refreshes this part on its own. */
export function SurveyProgress({ cohort, state, progress }: Pick<CohortView, 'cohort' | 'state' | 'progress'>) {
  const { t, instant } = useTranslator();
  const invited = progress.filter((p) => p.invitedAt).length;
  const answered = progress.filter((p) => p.answeredAt).length;
  const reminded = progress.filter((p) => p.reminders > 0).length;
  const missing = progress.filter((p) => !p.answeredAt);
  const stage = state?.stage ?? cohort.stage;
  return (
    <div id="progress" data-refresh={`/admin/cohorts/${cohort.slug}/progress`}>
      <div class="figures">
        <div class="figure">
          <b data-figure="participants">{progress.length}</b>
          {t('admin.cohort.figure.participants', { count: progress.length })}
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
      {missing.length > 0 && (
        <>
          <h3>{t('admin.cohort.missing', { open: stage === 'survey', count: missing.length })}</h3>
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
  },
) {
  const text = props.admin.text;
  const { t, instant } = text;
  const { cohort, state } = props;
  const schedule = cohort.schedule;
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
      <div class="card">
        <p class="muted">{cohort.description}</p>
        <p>
          {t('admin.cohort.workflow')}{' '}
          <a href={props.workflowUrl} target="_blank" rel="noopener">
            cohort-{cohort.slug}
          </a>{' '}
          {t('admin.cohort.workflow.where')} ·{' '}
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
        </p>
      </div>
      <div class="card">
        <h2>{t('admin.cohort.survey.heading')}</h2>
        <SurveyProgress cohort={cohort} state={state} progress={props.progress} />
        {(state?.stage ?? cohort.stage) === 'survey' && (
          <form method="post" action={`/admin/cohorts/${cohort.slug}/close-survey`} class="spaced">
            <input type="hidden" name="_csrf" value={props.admin.csrf} />
            <button class="secondary" type="submit">
              {t('admin.cohort.survey.close')}
            </button>
          </form>
        )}
        {state === undefined && (
          <form method="post" action={`/admin/cohorts/${cohort.slug}/start`} class="spaced">
            <input type="hidden" name="_csrf" value={props.admin.csrf} />
            <button class="secondary" type="submit">
              {t('admin.cohort.start')}
            </button>
          </form>
        )}
      </div>
      <NeedsCard slug={cohort.slug} needs={props.needs} live={(state?.stage ?? cohort.stage) === 'survey'} />
      {props.alerts.length > 0 && (
        <div class="card" id="alerts">
          <h2>{t('admin.cohort.alerts.heading', { count: props.alerts.length })}</h2>
          <ul>
            {props.alerts.map((a) => (
              <li data-alert>
                {t('admin.cohort.alerts.item', { at: instant(a.createdAt), message: alertText(a, text) })}{' '}
                <form method="post" action={`/admin/cohorts/${cohort.slug}/alerts/${a.id}/acknowledge`} class="inline">
                  <input type="hidden" name="_csrf" value={props.admin.csrf} />
                  <button
                    class="secondary"
                    type="submit"
                    aria-label={t('admin.cohort.alerts.dealtWithLabel', { message: alertText(a, text) })}
                  >
                    {t('admin.cohort.alerts.dealtWith')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </div>
      )}
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
      {cohort.personalDataErasedAt && (
        <div class="banner ok" data-personal-data-erased>
          {t('admin.cohort.erased', { at: instant(cohort.personalDataErasedAt) })}
        </div>
      )}
      {cohort.report && <ReportCard slug={cohort.slug} report={cohort.report} comments={props.comments} />}
      <MatchingCard {...props} />
      {props.pairs.length > 0 && <PairsCard {...props} />}
      {(state?.stage ?? cohort.stage) !== 'closed' && (
        <>
          <EnrolmentCard
            slug={cohort.slug}
            csrf={props.admin.csrf}
            origin={props.enrolment.origin}
            enrolment={props.enrolment}
            requests={props.enrolment.requests}
            {...(props.enrolment.qrCode ? { qrCode: props.enrolment.qrCode } : {})}
          />
          <AddParticipantForm
            slug={cohort.slug}
            csrf={props.admin.csrf}
            cohortLanguage={cohort.language}
            cohortTimeZone={cohort.timeZone}
          />
        </>
      )}
      <div class="card" id="people">
        <h2>{t('admin.cohort.people.heading')}</h2>
        <p class="hint">
          {t('admin.cohort.people.hint')} <a href={`/admin/cohorts/${cohort.slug}/audit`}>{t('admin.cohort.people.audit')}</a>{' '}
          {t('admin.cohort.people.auditOf')}
        </p>
        <ul>
          {props.progress.map((p) => (
            <li>
              <a href={`/admin/cohorts/${cohort.slug}/participants/${p.id}`} data-person={p.email}>
                {p.name}
              </a>{' '}
              ({t(`role.${p.role}`)})
            </li>
          ))}
        </ul>
      </div>
      <script src={ASSETS.live} defer />
    </Layout>
  );
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

function PairsCard(props: CohortView & { admin: AdminFrame }) {
  const text = useTranslator();
  const { t, instant } = text;
  const ended = props.pairs.filter((p) => p.status !== 'active');
  return (
    <div class="card">
      <h2>
        {t('admin.cohort.pairs.heading', { count: props.pairs.filter((p) => p.status === 'active').length })}
        {ended.length > 0 && <span class="hint"> {t('admin.cohort.pairs.ended', { count: ended.length })}</span>}
      </h2>
      <table>
        <thead>
          <tr>
            <th>{t('admin.cohort.pairs.column.mentee')}</th>
            <th>{t('admin.cohort.pairs.column.mentor')}</th>
            <th>{t('admin.cohort.pairs.column.score')}</th>
            <th>{t('admin.cohort.pairs.column.stage')}</th>
            <th>{t('admin.cohort.pairs.column.health')}</th>
            <th>{t('admin.cohort.pairs.column.workflow')}</th>
            <th>{t('admin.cohort.pairs.column.followUp')}</th>
          </tr>
        </thead>
        <tbody>
          {props.pairs.map((pair) => (
            <tr {...{ [pair.status === 'active' ? 'data-active-pair' : 'data-ended-pair']: pair.menteeName }}>
              <td>{pair.menteeName}</td>
              <td>{pair.mentorName}</td>
              <td>{pair.score}</td>
              <td data-pair-stage={pair.stage}>
                {pairStageLabel(text, pair.stage)}
                {pair.stage === 'charter' && pair.charterDeadline && (
                  <span class="hint"> {t('admin.cohort.pairs.charterUntil', { at: instant(pair.charterDeadline) })}</span>
                )}
                {pair.pausedSince && <strong data-paused> {t('admin.cohort.pairs.paused')}</strong>}
              </td>
              <td data-health={pair.health ?? ''}>
                {pair.health === null ? '–' : healthLabel(text, pair.health)}
                {pair.healthReasons.length > 0 && (
                  <span class="hint"> {pair.healthReasons.map((reason) => describeHealthReason(reason, text)).join('; ')}</span>
                )}
              </td>
              <td>
                <a href={props.workflowLink(pair.workflowId)} target="_blank" rel="noopener">
                  {pair.workflowId}
                </a>
              </td>
              <td>
                <a href={`/admin/cohorts/${props.cohort.slug}/pairs/${pair.id}`}>{t('admin.cohort.pairs.open')}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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

function ReportCard({ slug, report, comments }: { slug: string; report: CohortReport; comments: CommentText[] }) {
  const text = useTranslator();
  const { t, locale } = text;
  const { basis } = report;
  // Rates and means have one decimal, written as the language does ("4.5", "4,5"), with the answers they rest on.
  const shown = (value: number | null, unit = '', on?: Parameters<typeof basisOf>[1]) =>
    (value === null ? '–' : `${value.toLocaleString(locale)}${unit}`) + basisOf(text, on);
  return (
    <div class="card" id="report">
      <h2>{t('admin.cohort.report.heading')}</h2>
      <div class="figures">
        <div class="figure">
          <b data-figure="completed">{report.completed}</b>
          {t('admin.cohort.report.completed', { pairs: report.pairs })}
        </div>
        <div class="figure">
          <b>{report.dissolved}</b>
          {t('admin.cohort.report.dissolved')}
        </div>
        <div class="figure">
          <b>{report.endedEarly}</b>
          {t('admin.cohort.report.endedEarly')}
        </div>
        <div class="figure">
          <b data-figure="nps">{shown(report.recommendNps)}</b>
          {t('admin.cohort.report.nps')}
          {basis && <span class="hint">{basisOf(text, basis.recommend)}</span>}
        </div>
      </div>
      <p>
        {t('admin.cohort.report.answers', {
          checkIns: shown(report.checkInResponseRate, ' %', basis?.checkIns),
          finalSurvey: shown(report.finalSurveyResponseRate, ' %', basis?.finalSurvey),
          mentees: shown(report.menteeSatisfaction, '/5', basis?.menteeSatisfaction),
          mentors: shown(report.mentorSatisfaction, '/5', basis?.mentorSatisfaction),
          ...report.questionsAnswered,
        })}
      </p>
      {report.meetings && (
        <p data-report="meetings">
          {t('admin.cohort.report.meetings', {
            ...report.meetings,
            pairs: report.pairs,
            useful: shown(report.meetings.useful, '/5', basis?.feedback),
            meetAgain: shown(report.meetings.meetAgain, ' %', basis?.feedback),
          })}
        </p>
      )}
      {comments.length > 0 && (
        <ul>
          {comments.map((c) => (
            <li>
              {t('admin.cohort.report.comment', { text: c.text })} <span class="hint">({t(`role.${c.role}`)})</span>
            </li>
          ))}
        </ul>
      )}
      <p class="no-print">
        <a href={`/admin/cohorts/${slug}/report.csv`}>{t('admin.cohort.report.csv')}</a>{' '}
        <button class="secondary" type="button" data-print hidden>
          {t('admin.cohort.report.print')}
        </button>
        <script src={ASSETS.print} defer />
      </p>
    </div>
  );
}
