import type { Cohort } from '../../db/cohorts.js';
import type { LoggedAdjustment } from '../../db/match-adjustments.js';
import type { MatchRun } from '../../db/matching.js';
import { CRITERIA, CRITERION_LABELS, type MatchSettings } from '../../matching/settings.js';
import type { CohortStage } from '../../domain/types.js';
import { useTranslator } from '../views/language.js';
import { Layout, type AdminFrame } from '../views/Layout.js';
import { FieldError, type FieldErrors } from '../views/form.js';
import { plural } from '../../domain/format.js';

export interface ReviewProps {
  admin: AdminFrame;
  cohort: Cohort;
  run: MatchRun;
  stage: CohortStage | undefined;
  adjustments: LoggedAdjustment[];
  attributeColumns: string[];
  notice?: string;
  problem?: string;
  settingsErrors?: FieldErrors;
}

const Hidden = ({ csrf, runId }: { csrf: string; runId: string }) => (
  <>
    <input type="hidden" name="_csrf" value={csrf} />
    <input type="hidden" name="runId" value={runId} />
    <input type="hidden" name="requestId" value={crypto.randomUUID()} />
  </>
);

/** The proposal as the admin reviews it: figures, every pair explained, everyone unmatched with a reason. */
export function MatchReviewPage(props: ReviewProps) {
  const { instant } = useTranslator();
  const { cohort, run } = props;
  const { csrf } = props.admin;
  const { result } = run;
  const open = run.status === 'proposed' && props.stage === 'review';
  const base = `/admin/cohorts/${cohort.slug}/matching`;
  const inRun = new Set(run.inputs.mentees.map((m) => m.id));
  const unmatchedMentees = result.unmatched.filter((u) => u.role === 'mentee' && inRun.has(u.participantId));
  const pairedMentees = result.pairs.map((p) => <option value={p.menteeId}>{p.menteeName} (with {p.mentorName})</option>);
  return (
    <Layout title={`Matching · ${cohort.name}`} admin={props.admin}>
      <p><a href={`/admin/cohorts/${cohort.slug}`}>← {cohort.name}</a></p>
      <h1>{run.kind === 'initial' ? 'Matching proposal' : 'Rematch proposal'}</h1>
      {props.notice && <div class="banner ok" role="status">{props.notice}</div>}
      {props.problem && <div class="banner bad" role="alert">{props.problem}</div>}
      {result.notices.length > 0 && (
        <div class="banner bad" role="alert"><ul>{result.notices.map((n) => <li>{n}</li>)}</ul></div>
      )}
      <div class="card">
        <div class="figures">
          <div class="figure"><b data-figure="matched">{result.summary.matched}</b>{result.summary.matched === 1 ? 'pair' : 'pairs'}</div>
          <div class="figure"><b>{result.summary.matchedPercent} %</b>of {plural(result.summary.mentees, 'mentee')} matched</div>
          <div class="figure"><b data-figure="mean">{result.summary.meanScore ?? '–'}</b>mean score</div>
          <div class="figure"><b>{result.summary.lowestScore ?? '–'}</b>lowest score</div>
        </div>
        <p class="muted">
          Status: <strong data-run-status={run.status}>{run.status}</strong> · {run.algorithm} · minimum score {run.settings.threshold} · computed {instant(run.createdAt)}
        </p>
        <p class="muted" data-objective>
          How pairs are chosen: the highest total score; among equal totals, the most mentees matched (a pair
          scoring 0 counts when the minimum score allows it); then the highest lowest score, for a fairer spread;
          then by id, so the same answers give the same pairs.
        </p>
        {open && (
          <form method="post" action={`${base}/approve`}>
            <Hidden csrf={csrf} runId={run.id} />
            <button type="submit">Approve {plural(result.pairs.length, 'pair')} and introduce them</button>
          </form>
        )}
      </div>

      {run.kind === 'rematch' && run.inputs.inRoundBecause && <InRound inputs={run.inputs} because={run.inputs.inRoundBecause} />}

      <div class="card">
        <h2>Proposed pairs</h2>
        <table>
          <thead><tr><th>Mentee</th><th>Mentor</th><th>Score</th><th>Why</th>{open && <th>Change</th>}</tr></thead>
          <tbody>
            {result.pairs.map((pair) => (
              <tr data-pair={pair.menteeName}>
                <td>{pair.menteeName}</td>
                <td>{pair.mentorName}</td>
                <td><strong>{pair.score}</strong></td>
                <td>
                  <ul class="compact-list">
                    {pair.criteria.map((c) => <li class={c.met ? undefined : 'muted'}>{c.met ? '✓' : '✗'} {c.reason}</li>)}
                  </ul>
                  {pair.warnings.map((w) => <p class="error" data-warning>⚠ {w}</p>)}
                </td>
                {open && (
                  <td>
                    <form method="post" action={`${base}/adjust`}>
                      <Hidden csrf={csrf} runId={run.id} />
                      <input type="hidden" name="action" value="unpair" />
                      <input type="hidden" name="menteeId" value={pair.menteeId} />
                      <input type="text" name="reason" placeholder="reason" required aria-label={`Reason to unpair ${pair.menteeName}`} />
                      <button class="secondary" type="submit">Unpair</button>
                    </form>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {open && result.pairs.length >= 2 && (
        // One form for the whole proposal: a list of every other pair in each row grew with the square of it.
        <form method="post" action={`${base}/adjust`} class="card">
          <h2>Swap two mentors</h2>
          <Hidden csrf={csrf} runId={run.id} />
          <input type="hidden" name="action" value="swap" />
          <label for="swap-one">Mentee</label>
          <select id="swap-one" name="menteeId">{pairedMentees}</select>
          <label for="swap-other">and mentee</label>
          <select id="swap-other" name="otherMenteeId">{pairedMentees}</select>
          <label for="swap-reason">Reason</label>
          <input id="swap-reason" type="text" name="reason" required />
          <button class="secondary" type="submit">Swap their mentors</button>
        </form>
      )}

      {open && (
        <form method="post" action={`${base}/adjust`} class="card">
          <h2>Pair by hand</h2>
          <p class="hint">The pair is scored like any other; a warning shows if it breaks a must-match criterion, the minimum score or a mentor's capacity.</p>
          <Hidden csrf={csrf} runId={run.id} />
          <input type="hidden" name="action" value="pair" />
          <label for="pair-mentee">Mentee</label>
          <select id="pair-mentee" name="menteeId">
            {[...unmatchedMentees.map((u) => ({ id: u.participantId, name: `${u.name} (unmatched)` })), ...result.pairs.map((p) => ({ id: p.menteeId, name: `${p.menteeName} (paired with ${p.mentorName})` }))].map((m) => <option value={m.id}>{m.name}</option>)}
          </select>
          <label for="pair-mentor">Mentor</label>
          <select id="pair-mentor" name="mentorId">
            {run.inputs.mentors.map((m) => {
              const free = result.freeMentors.find((f) => f.mentorId === m.id)?.freePlaces ?? 0;
              return <option value={m.id}>{m.name} ({plural(free, 'free place')})</option>;
            })}
          </select>
          <label for="pair-reason">Reason</label>
          <input type="text" id="pair-reason" name="reason" required />
          <p><button type="submit">Pair them</button></p>
        </form>
      )}

      <div class="card">
        <h2>Not matched ({result.unmatched.length})</h2>
        {result.unmatched.length === 0 ? <p class="muted">Everyone who answered is matched.</p> : (
          <table>
            <thead><tr><th>Name</th><th>Role</th><th>Reason</th></tr></thead>
            <tbody>{result.unmatched.map((u) => <tr data-unmatched={u.name}><td>{u.name}</td><td>{u.role}</td><td>{u.reason}</td></tr>)}</tbody>
          </table>
        )}
        {result.freeMentors.length > 0 && (
          <p class="muted">Mentors with free places: {result.freeMentors.map((f) => `${f.name} (${f.freePlaces})`).join(', ')}</p>
        )}
      </div>

      {props.adjustments.length > 0 && (
        <div class="card">
          <h2>Changes made by hand</h2>
          <ul>{props.adjustments.map((a) => <li>{instant(a.createdAt)}: {a.action}, “{a.reason}”{a.warnings.length > 0 && <span class="error"> ⚠ {a.warnings.join('; ')}</span>}</li>)}</ul>
        </div>
      )}

      {open && <SettingsForm action={`${base}/rerun`} csrf={csrf} settings={run.settings} columns={props.attributeColumns} errors={props.settingsErrors ?? {}} />}
    </Layout>
  );
}

/** Who a rematch round considers, and why: only whoever waits for a partner or has a place to give. */
function InRound({ inputs, because }: { inputs: MatchRun['inputs']; because: Record<string, string> }) {
  const people = [...inputs.mentees.map((m) => ({ ...m, role: 'mentee' })), ...inputs.mentors.map((m) => ({ ...m, role: 'mentor' }))].filter((p) => because[p.id]);
  return (
    <div class="card" id="in-round">
      <h2>Who is in this round, and why</h2>
      <table>
        <thead><tr><th>Name</th><th>Role</th><th>Why</th></tr></thead>
        <tbody>{people.map((p) => <tr data-in-round={p.name}><td>{p.name}</td><td>{p.role}</td><td>{because[p.id]}</td></tr>)}</tbody>
      </table>
      <p class="hint">Someone whose pair was ended early is not offered a new partner; ask for a rematch on the pair's page to change that.</p>
    </div>
  );
}

/** Weights, must-match, minimum score, automatic approval: before the survey closes, or to re-run a proposal. */
export function SettingsForm(props: { action: string; csrf: string; settings: MatchSettings; columns: string[]; errors: FieldErrors; title?: string; submit?: string }) {
  const { settings, errors } = props;
  return (
    <form method="post" action={props.action} class="card">
      <h2>{props.title ?? 'Re-run with other settings'}</h2>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <table>
        <thead><tr><th>Criterion</th><th>Weight (0–10)</th><th>Must match</th></tr></thead>
        <tbody>
          {CRITERIA.map((key) => (
            <tr>
              <td>{CRITERION_LABELS[key]}</td>
              <td><input type="number" name={`weight_${key}`} min="0" max="10" value={String(settings.criteria[key].weight)} aria-label={`Weight of ${CRITERION_LABELS[key]}`} /><FieldError errors={errors} name={`weight_${key}`} /></td>
              <td><input type="checkbox" name={`must_${key}`} checked={settings.criteria[key].mustMatch} aria-label={`${CRITERION_LABELS[key]} must match`} /></td>
            </tr>
          ))}
          {props.columns.map((column, i) => {
            const chosen = settings.attributes.find((a) => a.column === column);
            return (
              <tr>
                <td>{column} <span class="hint">(CSV column)</span></td>
                <td><input type="number" name={`attribute_weight_${i}`} min="0" max="10" value={String(chosen?.weight ?? 0)} aria-label={`Weight of ${column}`} /><FieldError errors={errors} name={`attribute_weight_${i}`} /></td>
                <td><input type="checkbox" name={`attribute_must_${i}`} checked={chosen?.mustMatch ?? false} aria-label={`${column} must match`} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label for="threshold">Minimum score (0–100) <span class="hint">below it a mentee waits rather than gets a poor match</span></label>
      <input type="number" id="threshold" name="threshold" min="0" max="100" value={String(settings.threshold)} />
      <FieldError errors={errors} name="threshold" />
      <label><input type="checkbox" name="autoApprove" checked={settings.autoApprove} /> Approve proposals automatically, without review</label>
      <p><button class="secondary" type="submit">{props.submit ?? 'Re-run matching'}</button></p>
    </form>
  );
}
