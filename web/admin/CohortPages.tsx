import type { Cohort, CohortListItem } from '../../db/cohorts.js';
import type { Bounce } from '../../db/emails.js';
import type { Alert } from '../../db/pair-lifecycle.js';
import type { CohortReport } from '../../domain/report.js';
import type { Pair } from '../../db/matching.js';
import type { ParticipantProgress } from '../../db/participants.js';
import { ROLES } from '../../domain/types.js';
import { formatDuration } from '../../domain/duration.js';
import type { CohortState } from '../../workflows/cohort/contract.js';
import { ASSETS } from '../assets.js';
import { useTranslator } from '../views/language.js';
import { Layout, type AdminFrame } from '../views/Layout.js';
import { plural } from '../../domain/format.js';

/** A date in the admin's time zone (named), or nothing. */
const when = (date: Date | null) => (date ? useTranslator().instant(date) : '');

export function CohortListPage(props: { admin: AdminFrame; cohorts: CohortListItem[] }) {
  return (
    <Layout title="Cohorts" admin={props.admin}>
      <h1>Cohorts</h1>
      <p><a class="button" href="/admin/cohorts/new">New cohort</a></p>
      {props.cohorts.length === 0 ? (
        <p class="muted">No cohort yet.</p>
      ) : (
        <table class="card">
          <thead>
            <tr><th>Cohort</th><th>Stage</th><th>Participants</th><th>Surveys answered</th><th>Created</th></tr>
          </thead>
          <tbody>
            {props.cohorts.map((c) => (
              <tr>
                <td><a href={`/admin/cohorts/${c.slug}`}>{c.name}</a></td>
                <td>{c.stage}</td>
                <td>{c.participantCount}</td>
                <td>{c.answeredCount}</td>
                <td>{when(c.createdAt)}</td>
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
}

/** Live figures of the intake survey and who is still missing; the page refreshes this part on its own. */
export function SurveyProgress({ cohort, state, progress }: Pick<CohortView, 'cohort' | 'state' | 'progress'>) {
  const { instant } = useTranslator();
  const invited = progress.filter((p) => p.invitedAt).length;
  const answered = progress.filter((p) => p.answeredAt).length;
  const reminded = progress.filter((p) => p.reminders > 0).length;
  const missing = progress.filter((p) => !p.answeredAt);
  const stage = state?.stage ?? cohort.stage;
  return (
    <div id="progress">
      <div class="figures">
        <div class="figure"><b data-figure="participants">{progress.length}</b>participants</div>
        <div class="figure"><b data-figure="invited">{invited}</b>invited</div>
        <div class="figure"><b data-figure="answered">{answered}</b>answered</div>
        <div class="figure"><b data-figure="reminded">{reminded}</b>reminded</div>
      </div>
      <p>
        Stage: <strong data-stage={stage}>{stage}</strong>
        {state === undefined && <span class="muted"> (the workflow did not answer; figures come from the database)</span>}
        {stage === 'survey' && <> · survey closes {instant(cohort.schedule.surveyDeadline)}</>}
      </p>
      {missing.length > 0 && (
        <>
          <h3>{stage === 'survey' ? 'Not answered yet' : 'Did not answer'} ({missing.length})</h3>
          <table>
            <thead><tr><th>Name</th><th>Email</th><th>Role</th><th>Invited</th><th>Reminders</th></tr></thead>
            <tbody>
              {missing.map((p) => (
                <tr data-missing={p.email}>
                  <td>{p.name}</td><td>{p.email}{p.emailBounced && <> <span class="badge bad" data-bounced={p.email} title={p.emailBounced}>email bounced</span></>}</td>
                  <td>{p.role}</td><td>{when(p.invitedAt)}</td><td>{p.reminders}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

export function CohortPage(props: CohortView & { admin: AdminFrame; notice?: string; problem?: string }) {
  const { instant } = useTranslator();
  const { cohort, state } = props;
  const schedule = cohort.schedule;
  return (
    <Layout title={cohort.name} admin={props.admin}>
      <h1>{cohort.name}</h1>
      {props.notice && <div class="banner ok" role="status">{props.notice}</div>}
      {props.problem && <div class="banner bad" role="alert">{props.problem}</div>}
      <div class="card">
        <p class="muted">
          {cohort.description}
        </p>
        <p>
          Workflow: <a href={props.workflowUrl} target="_blank" rel="noopener">cohort-{cohort.slug}</a> in the Temporal UI ·{' '}
          {plural(schedule.checkInCount, 'check-in')} every {formatDuration(schedule.checkInIntervalMs)} · programme {formatDuration(schedule.programmeDurationMs)}
          {schedule.retentionMs !== undefined && <> · personal data kept {formatDuration(schedule.retentionMs)} after it closes</>}
        </p>
      </div>
      <div class="card">
        <h2>Intake survey</h2>
        <SurveyProgress cohort={cohort} state={state} progress={props.progress} />
        {(state?.stage ?? cohort.stage) === 'survey' && (
          <form method="post" action={`/admin/cohorts/${cohort.slug}/close-survey`} class="spaced">
            <input type="hidden" name="_csrf" value={props.admin.csrf} />
            <button class="secondary" type="submit">Close the survey now</button>
          </form>
        )}
        {state === undefined && (
          <form method="post" action={`/admin/cohorts/${cohort.slug}/start`} class="spaced">
            <input type="hidden" name="_csrf" value={props.admin.csrf} />
            <button class="secondary" type="submit">Start (or resume) the cohort workflow</button>
          </form>
        )}
      </div>
      {props.alerts.length > 0 && (
        <div class="card" id="alerts">
          <h2>Needs your attention ({props.alerts.length})</h2>
          <ul>
            {props.alerts.map((a) => (
              <li data-alert>
                {instant(a.createdAt)}: {a.message}{' '}
                <form method="post" action={`/admin/cohorts/${cohort.slug}/alerts/${a.id}/acknowledge`} class="inline">
                  <input type="hidden" name="_csrf" value={props.admin.csrf} />
                  <button class="secondary" type="submit" aria-label={`Mark as dealt with: ${a.message}`}>Dealt with</button>
                </form>
              </li>
            ))}
          </ul>
        </div>
      )}
      {props.bounced.length > 0 && (
        <div class="card" id="bounced">
          <h2>Emails refused by the mail service ({props.bounced.length})</h2>
          <p class="hint">These people receive nothing from Tandem until their address is corrected; contact them another way.</p>
          <ul>{props.bounced.map((b) => <li data-bounced={b.email}>{b.name} &lt;{b.email}&gt;: email bounced ({b.reason}), {instant(b.at)}</li>)}</ul>
        </div>
      )}
      {cohort.personalDataErasedAt && <div class="banner ok" data-personal-data-erased>Personal data erased on {instant(cohort.personalDataErasedAt)}, at the end of its retention: the report below is all that is left.</div>}
      {cohort.report && <ReportCard slug={cohort.slug} report={cohort.report} />}
      <MatchingCard {...props} />
      {props.pairs.length > 0 && <PairsCard {...props} />}
      {(state?.stage ?? cohort.stage) !== 'closed' && <AddParticipantForm slug={cohort.slug} csrf={props.admin.csrf} />}
      <div class="card" id="people">
        <h2>Participants and their data</h2>
        <p class="hint">Each person's page downloads everything Tandem holds about them, or erases it. <a href={`/admin/cohorts/${cohort.slug}/audit`}>Audit log</a> of exports, erasures and actions on pairs.</p>
        <ul>{props.progress.map((p) => <li><a href={`/admin/cohorts/${cohort.slug}/participants/${p.id}`} data-person={p.email}>{p.name}</a> ({p.role})</li>)}</ul>
      </div>
      <script src={ASSETS.progress} defer />
    </Layout>
  );
}

function MatchingCard({ cohort, state, latestRun }: CohortView) {
  const stage = state?.stage ?? cohort.stage;
  return (
    <div class="card">
      <h2>Matching</h2>
      <p><a href={`/admin/cohorts/${cohort.slug}/matching/settings`}>Matching settings</a> <span class="hint">(weights, must-match criteria, minimum score, automatic approval)</span></p>
      {!latestRun ? (
        <p class="muted">{stage === 'survey' ? 'Matching runs when the survey closes.' : 'Computing the proposal…'}</p>
      ) : (
        <p>
          {latestRun.kind === 'initial' ? 'Proposal' : 'Latest rematch proposal'}: {plural(latestRun.pairs, 'pair')} for {plural(latestRun.mentees, 'mentee')}, <strong>{latestRun.status}</strong>.{' '}
          <a href={`/admin/cohorts/${cohort.slug}/matching`}>{stage === 'review' ? 'Review and approve' : 'See the proposal'}</a>
        </p>
      )}
    </div>
  );
}

function PairsCard(props: CohortView & { admin: AdminFrame }) {
  const { instant } = useTranslator();
  const ended = props.pairs.filter((p) => p.status !== 'active');
  return (
    <div class="card">
      <h2>Pairs ({props.pairs.filter((p) => p.status === 'active').length}){ended.length > 0 && <span class="hint"> and {ended.length} ended</span>}</h2>
      <table>
        <thead><tr><th>Mentee</th><th>Mentor</th><th>Score</th><th>Stage</th><th>Health</th><th>Workflow</th><th>Follow up</th></tr></thead>
        <tbody>
          {props.pairs.map((pair) => (
            <tr {...{ [pair.status === 'active' ? 'data-active-pair' : 'data-ended-pair']: pair.menteeName }}>
              <td>{pair.menteeName}</td>
              <td>{pair.mentorName}</td>
              <td>{pair.score}</td>
              <td data-pair-stage={pair.stage}>{pair.stage}{pair.stage === 'charter' && pair.charterDeadline && <span class="hint"> until {instant(pair.charterDeadline)}</span>}{pair.pausedSince && <strong data-paused> paused</strong>}</td>
              <td data-health={pair.health ?? ''}>{pair.health ?? '–'}{pair.healthReasons.length > 0 && <span class="hint"> {pair.healthReasons.join('; ')}</span>}</td>
              <td><a href={props.workflowLink(pair.workflowId)} target="_blank" rel="noopener">{pair.workflowId}</a></td>
              <td><a href={`/admin/cohorts/${props.cohort.slug}/pairs/${pair.id}`}>Open</a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddParticipantForm({ slug, csrf }: { slug: string; csrf: string }) {
  return (
    <form method="post" action={`/admin/cohorts/${slug}/participants`} class="card">
      <h2>Add a participant</h2>
      <p class="hint">They receive the intake survey now (with a window of their own if the cohort's has closed) and join the next matching round.</p>
      <input type="hidden" name="_csrf" value={csrf} />
      <label for="late-name">Name</label>
      <input type="text" id="late-name" name="name" required />
      <label for="late-email">Email</label>
      <input type="email" id="late-email" name="email" required />
      <label for="late-role">Role</label>
      <select id="late-role" name="role">{ROLES.map((r) => <option value={r}>{r}</option>)}</select>
      <label for="late-language">Languages <span class="hint">separated by ;</span></label>
      <input type="text" id="late-language" name="language" />
      <p><button class="secondary" type="submit">Add and invite</button></p>
    </form>
  );
}

function ReportCard({ slug, report }: { slug: string; report: CohortReport }) {
  const shown = (value: number | null, unit = '') => (value === null ? '–' : `${value}${unit}`);
  return (
    <div class="card" id="report">
      <h2>Report</h2>
      <div class="figures">
        <div class="figure"><b data-figure="completed">{report.completed}</b>of {plural(report.pairs, 'pair')} completed</div>
        <div class="figure"><b>{report.dissolved}</b>dissolved at the charter</div>
        <div class="figure"><b>{report.endedEarly}</b>ended early or rematched</div>
        <div class="figure"><b data-figure="nps">{shown(report.recommendNps)}</b>would recommend (NPS)</div>
      </div>
      <p>
        Check-ins answered {shown(report.checkInResponseRate, ' %')} · final survey answered {shown(report.finalSurveyResponseRate, ' %')} · satisfaction: mentees{' '}
        {shown(report.menteeSatisfaction, '/5')}, mentors {shown(report.mentorSatisfaction, '/5')} · questions answered: {report.questionsAnswered.yes} yes,{' '}
        {report.questionsAnswered.partly} partly, {report.questionsAnswered.no} no
      </p>
      {report.comments.length > 0 && <ul>{report.comments.map((c) => <li>“{c.text}” <span class="hint">({c.role})</span></li>)}</ul>}
      <p><a href={`/admin/cohorts/${slug}/report.csv`}>Download the report as CSV</a></p>
    </div>
  );
}
