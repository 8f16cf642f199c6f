import type { Cohort } from '../../db/cohorts.js';
import type { LoggedAdjustment } from '../../db/match-adjustments.js';
import type { ProposalHead, ProposalView } from '../../db/proposal.js';
import { PROPOSAL_FILTERS, PROPOSAL_SORTS, proposalQueryString, type ProposalQuery } from '../../domain/proposal-query.js';
import type { ProposedPair } from '../../matching/match-cohort.js';
import { describeAgain } from '../../matching/criteria.js';
import { describeNotice, describeUnmatched, describeWarning } from '../../matching/explanations.js';
import type { CriterionScore } from '../../matching/score.js';
import { CRITERIA, type MatchSettings } from '../../matching/settings.js';
import type { CohortStage } from '../../domain/types.js';
import { useAllowed } from '../views/allowed.js';
import { useTranslator } from '../views/language.js';
import { Layout, type AdminFrame } from '../views/Layout.js';
import { FieldError, type FieldErrors } from '../views/form.js';
import { ListChoice, ListFilters } from './ListFilters.js';
import { Paging } from './Paging.js';

export interface ReviewProps {
  admin: AdminFrame;
  cohort: Cohort;
  run: ProposalHead;
  /** The pairs, unmatched and free mentors the admin's search and pages show. */
  view: ProposalView;
  query: ProposalQuery;
  stage: CohortStage | undefined;
  adjustments: LoggedAdjustment[];
  attributeColumns: string[];
  notice?: string;
  /** The run's status as the admin should read it (`approving` between their approval and the workflow's). */
  shownStatus: ProposalHead['status'] | 'approving';
  problem?: string;
  settingsErrors?: FieldErrors;
}

/** A change's hidden fields: the proposal it changes, its own id (a form sent twice changes once), and the view to come back to. */
const Hidden = ({ csrf, runId, view }: { csrf: string; runId: string; view: string }) => (
  <>
    <input type="hidden" name="_csrf" value={csrf} />
    <input type="hidden" name="runId" value={runId} />
    <input type="hidden" name="requestId" value={crypto.randomUUID()} />
    <input type="hidden" name="view" value={view} />
  </>
);

/**
 * The proposal as the admin reviews it: figures, the pairs explained a page at a time (searched, filtered,
 * ordered), everyone unmatched with a reason. The changes' lists offer the people shown: a search brings any in.
 */
export function MatchReviewPage(props: ReviewProps) {
  const { cohort, run, view, query } = props;
  // Rendered above Layout, which provides the language to what it wraps: this page reads it from the admin frame.
  const { csrf, text } = props.admin;
  const { t, instant } = text;
  const { summary } = run;
  // A proposal under review changes only for those who may run the cohort; a viewer reads it.
  const open = run.status === 'proposed' && props.stage === 'review' && props.admin.may('run');
  const base = `/admin/cohorts/${cohort.slug}/matching`;
  const here = proposalQueryString(query);
  const link = (change: Partial<ProposalQuery>, anchor: string) => `${base}?${proposalQueryString(query, change)}#${anchor}`;
  const hidden = <Hidden csrf={csrf} runId={run.id} view={here} />;
  const shown = view.pairs.rows;
  // A run stores no reasons (they would quote answers): each is worded from both answers, in the admin's words.
  const why = (pair: ProposedPair, criterion: CriterionScore) => {
    const mentee = view.profiles.mentees.get(pair.menteeId);
    const mentor = view.profiles.mentors.get(pair.mentorId);
    return mentee && mentor ? describeAgain(criterion, mentee, mentor, text) : criterion.reason;
  };
  // The swap's second list starts on another pair than the first's, so that sent as it is, it means something.
  const pairedMentees = (preselected: number) =>
    shown.map((p, i) => (
      <option value={p.menteeId} selected={i === preselected}>
        {t('admin.matching.withMentor', { mentee: p.menteeName, mentor: p.mentorName })}
      </option>
    ));
  const mentorsShown = [
    ...new Map([
      ...shown.map((p) => [p.mentorId, p.mentorName] as const),
      ...view.freeMentors.shown.map((f) => [f.mentorId, f.name] as const),
    ]),
  ];
  return (
    <Layout title={t('admin.matching.title', { cohort: cohort.name })} admin={props.admin}>
      <p>
        <a href={`/admin/cohorts/${cohort.slug}`}>← {cohort.name}</a>
      </p>
      <h1>{t('admin.matching.heading', { kind: run.kind })}</h1>
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
      {run.notices.length > 0 && (
        <div class="banner info" role="status">
          <ul>
            {run.notices
              .map((notice) => describeNotice(notice, text))
              .map((n) => (
                <li>{n}</li>
              ))}
          </ul>
        </div>
      )}
      <div class="card">
        <div class="figures">
          <div class="figure">
            <b data-figure="matched">{summary.matched}</b>
            {t('admin.matching.figure.pairs', { count: summary.matched })}
          </div>
          <div class="figure">
            <b>{summary.matchedPercent} %</b>
            {t('admin.matching.figure.matched', { count: summary.mentees })}
          </div>
          <div class="figure">
            <b data-figure="mean">{summary.meanScore ?? '–'}</b>
            {t('admin.matching.figure.mean')}
          </div>
          <div class="figure">
            <b>{summary.lowestScore ?? '–'}</b>
            {t('admin.matching.figure.lowest')}
          </div>
        </div>
        <p class="muted">
          {t('admin.matching.status')}{' '}
          <strong data-run-status={props.shownStatus}>{t('admin.matching.status.value', { status: props.shownStatus })}</strong>
          {' · '}
          {t('admin.matching.threshold', { threshold: run.settings.threshold })} ·{' '}
          {t('admin.matching.computed', { at: instant(run.createdAt) })}
        </p>
        <p class="muted" data-objective>
          {t('admin.matching.objective')}
        </p>
        {open && (
          <form method="post" action={`${base}/approve`}>
            {hidden}
            <button type="submit">{t('admin.matching.approve', { count: summary.matched })}</button>
          </form>
        )}
      </div>

      {run.kind === 'rematch' && view.inRound.matching > 0 && <InRound people={view.inRound} />}

      <div class="card" id="pairs">
        <h2>{t('admin.matching.pairs')}</h2>
        <ListFilters action={`${base}#pairs`} q={query.q}>
          <ListChoice
            label={t('admin.matching.show')}
            name="show"
            values={PROPOSAL_FILTERS}
            chosen={query.show}
            all={t('admin.matching.show.all')}
            wordFor={(show) => t(`admin.matching.show.${show}`)}
          />
          <ListChoice
            label={t('admin.cohort.pairs.sort')}
            name="sort"
            values={PROPOSAL_SORTS}
            chosen={query.sort}
            wordFor={(sort) => t(`admin.matching.sort.${sort}`)}
          />
        </ListFilters>
        <p class="hint">{t('admin.matching.search.hint')}</p>
        <p class="hint" data-pairs-matching={view.pairs.matching}>
          {t('admin.cohort.pairs.matching', { count: view.pairs.matching })}
        </p>
        {shown.length > 0 && (
          // Scrolls sideways on a phone: focusable, so a keyboard scrolls it too.
          <div class="scroll" tabindex={0} role="region" aria-label={t('admin.matching.pairs')}>
            <table class="proposal">
              <thead>
                <tr>
                  <th>{t('admin.matching.mentee')}</th>
                  <th>{t('admin.matching.mentor')}</th>
                  <th>{t('admin.matching.score')}</th>
                  <th>{t('admin.matching.why')}</th>
                  {open && <th>{t('admin.matching.change')}</th>}
                </tr>
              </thead>
              <tbody>
                {shown.map((pair) => (
                  <tr data-pair={pair.menteeName}>
                    <td>{pair.menteeName}</td>
                    <td>{pair.mentorName}</td>
                    <td>
                      <strong>{pair.score}</strong>
                    </td>
                    <td class="why">
                      <ul class="compact-list">
                        {pair.criteria.map((c) => (
                          <li class={c.met ? undefined : 'muted'}>
                            {c.met ? '✓' : '✗'} {why(pair, c)}
                          </li>
                        ))}
                      </ul>
                      {pair.warnings.map((w) => (
                        <p class="error" data-warning>
                          ⚠ {describeWarning(w, text)}
                        </p>
                      ))}
                    </td>
                    {open && (
                      <td>
                        <form method="post" action={`${base}/adjust`}>
                          {hidden}
                          <input type="hidden" name="action" value="unpair" />
                          <input type="hidden" name="menteeId" value={pair.menteeId} />
                          <input
                            type="text"
                            name="reason"
                            placeholder={t('admin.matching.unpair.reason')}
                            required
                            aria-label={t('admin.matching.unpair.reasonLabel', { mentee: pair.menteeName })}
                          />
                          <button class="secondary" type="submit">
                            {t('admin.matching.unpair')}
                          </button>
                        </form>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Paging page={view.pairs} linkTo={(page) => link({ page }, 'pairs')} />
      </div>

      {open && shown.length >= 2 && (
        // One form for the whole page: a list of every other pair in each row grew with the square of it.
        <form method="post" action={`${base}/adjust`} class="card">
          <h2>{t('admin.matching.swap')}</h2>
          <p class="hint">{t('admin.matching.lists.hint')}</p>
          {hidden}
          <input type="hidden" name="action" value="swap" />
          <label for="swap-one">{t('admin.matching.mentee')}</label>
          <select id="swap-one" name="menteeId">
            {pairedMentees(0)}
          </select>
          <label for="swap-other">{t('admin.matching.swap.other')}</label>
          <select id="swap-other" name="otherMenteeId">
            {pairedMentees(1)}
          </select>
          <label for="swap-reason">{t('admin.matching.reason')}</label>
          <input id="swap-reason" type="text" name="reason" required />
          <button class="secondary" type="submit">
            {t('admin.matching.swap.submit')}
          </button>
        </form>
      )}

      {open && (
        <form method="post" action={`${base}/adjust`} class="card">
          <h2>{t('admin.matching.pairByHand')}</h2>
          <p class="hint">{t('admin.matching.pairByHand.hint')}</p>
          <p class="hint">{t('admin.matching.lists.hint')}</p>
          {hidden}
          <input type="hidden" name="action" value="pair" />
          <label for="pair-mentee">{t('admin.matching.mentee')}</label>
          <select id="pair-mentee" name="menteeId">
            {view.unmatched.rows
              .filter((u) => u.role === 'mentee')
              .map((u) => (
                <option value={u.participantId}>{t('admin.matching.pairByHand.unmatched', { mentee: u.name })}</option>
              ))}
            {shown.map((p) => (
              <option value={p.menteeId}>{t('admin.matching.pairByHand.paired', { mentee: p.menteeName, mentor: p.mentorName })}</option>
            ))}
          </select>
          <label for="pair-mentor">{t('admin.matching.mentor')}</label>
          <select id="pair-mentor" name="mentorId">
            {mentorsShown.map(([id, name]) => (
              <option value={id}>{t('admin.matching.pairByHand.freePlaces', { mentor: name, count: view.freePlaces.get(id) ?? 0 })}</option>
            ))}
          </select>
          <label for="pair-reason">{t('admin.matching.reason')}</label>
          <input type="text" id="pair-reason" name="reason" required />
          <p>
            <button type="submit">{t('admin.matching.pairByHand.submit')}</button>
          </p>
        </form>
      )}

      <div class="card" id="unmatched">
        <h2>{t('admin.matching.unmatched', { count: run.unmatchedCount })}</h2>
        {run.unmatchedCount === 0 ? (
          <p class="muted">{t('admin.matching.unmatched.none')}</p>
        ) : view.unmatched.rows.length === 0 ? (
          <p class="muted">{t('admin.matching.unmatched.noneFound')}</p>
        ) : (
          <div class="scroll" tabindex={0} role="region" aria-label={t('admin.matching.unmatched', { count: run.unmatchedCount })}>
            <table class="unmatched">
              <thead>
                <tr>
                  <th>{t('admin.matching.name')}</th>
                  <th>{t('admin.matching.role')}</th>
                  <th>{t('admin.matching.reason')}</th>
                </tr>
              </thead>
              {/* Runs from before reasons were data have only their English words. */}
              <tbody>
                {view.unmatched.rows.map((u) => (
                  <tr data-unmatched={u.name}>
                    <td>{u.name}</td>
                    <td>{t(`role.${u.role}`)}</td>
                    <td>{describeUnmatched(u.why, text)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Paging page={view.unmatched} linkTo={(others) => link({ others }, 'unmatched')} />
        {view.freeMentors.shown.length > 0 && (
          <p class="muted" data-free-mentors={view.freeMentors.matching}>
            {t('admin.matching.freeMentors', { mentors: view.freeMentors.shown.map((f) => `${f.name} (${f.freePlaces})`).join(', ') })}
            {view.freeMentors.matching > view.freeMentors.shown.length &&
              ` ${t('admin.matching.freeMentors.more', { count: view.freeMentors.matching - view.freeMentors.shown.length })}`}
          </p>
        )}
      </div>

      {props.adjustments.length > 0 && (
        <div class="card">
          <h2>{t('admin.matching.adjustments')}</h2>
          <ul>
            {props.adjustments.map((a) => (
              <li>
                {t('admin.matching.adjustment', { at: instant(a.createdAt), action: a.action, reason: a.reason })}
                {a.warnings.length > 0 && <span class="error"> ⚠ {a.warnings.map((w) => describeWarning(w, text)).join('; ')}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}

      {open && (
        <SettingsForm
          action={`${base}/rerun`}
          csrf={csrf}
          settings={run.settings}
          columns={props.attributeColumns}
          errors={props.settingsErrors ?? {}}
        />
      )}
    </Layout>
  );
}

/** Who a rematch round considers, and why: only whoever waits for a partner or has a place to give. */
function InRound({ people }: { people: ProposalView['inRound'] }) {
  const { t } = useTranslator();
  return (
    <div class="card" id="in-round">
      <h2>{t('admin.matching.inRound')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('admin.matching.name')}</th>
            <th>{t('admin.matching.role')}</th>
            <th>{t('admin.matching.why')}</th>
          </tr>
        </thead>
        {/* Why each is in the round was written, in English, when the round was put together. */}
        <tbody>
          {people.rows.map((p) => (
            <tr data-in-round={p.name}>
              <td>{p.name}</td>
              <td>{t(`role.${p.role}`)}</td>
              <td>{p.because}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {people.matching > people.rows.length && (
        <p class="hint">{t('admin.matching.inRound.more', { count: people.matching - people.rows.length })}</p>
      )}
      <p class="hint">{t('admin.matching.inRound.hint')}</p>
    </div>
  );
}

/** Weights, must-match, minimum score, automatic approval: before the survey closes, or to re-run a proposal. */
export function SettingsForm(props: {
  action: string;
  csrf: string;
  settings: MatchSettings;
  columns: string[];
  errors: FieldErrors;
  title?: string;
  submit?: string;
}) {
  const { t } = useTranslator();
  const mayRun = useAllowed()('run');
  const { settings, errors } = props;
  const fields = (
    <>
      <table>
        <thead>
          <tr>
            <th>{t('admin.matching.settings.criterion')}</th>
            <th>{t('admin.matching.settings.weight')}</th>
            <th>{t('admin.matching.settings.mustMatch')}</th>
          </tr>
        </thead>
        <tbody>
          {CRITERIA.map((key) => {
            const criterion = t(`admin.matching.criterion.${key}`);
            return (
              <tr>
                <td>{criterion}</td>
                <td>
                  <input
                    type="number"
                    name={`weight_${key}`}
                    min="0"
                    max="10"
                    value={String(settings.criteria[key].weight)}
                    aria-label={t('admin.matching.settings.weightOf', { criterion })}
                  />
                  <FieldError errors={errors} name={`weight_${key}`} />
                </td>
                <td>
                  <input
                    type="checkbox"
                    name={`must_${key}`}
                    checked={settings.criteria[key].mustMatch}
                    aria-label={t('admin.matching.settings.mustMatchOf', { criterion })}
                  />
                </td>
              </tr>
            );
          })}
          {props.columns.map((column, i) => {
            const chosen = settings.attributes.find((a) => a.column === column);
            return (
              <tr>
                <td>
                  {column} <span class="hint">{t('admin.matching.settings.csvColumn')}</span>
                </td>
                <td>
                  <input
                    type="number"
                    name={`attribute_weight_${i}`}
                    min="0"
                    max="10"
                    value={String(chosen?.weight ?? 0)}
                    aria-label={t('admin.matching.settings.weightOf', { criterion: column })}
                  />
                  <FieldError errors={errors} name={`attribute_weight_${i}`} />
                </td>
                <td>
                  <input
                    type="checkbox"
                    name={`attribute_must_${i}`}
                    checked={chosen?.mustMatch ?? false}
                    aria-label={t('admin.matching.settings.mustMatchOf', { criterion: column })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label for="threshold">
        {t('admin.matching.settings.threshold')} <span class="hint">{t('admin.matching.settings.threshold.hint')}</span>
      </label>
      <input type="number" id="threshold" name="threshold" min="0" max="100" value={String(settings.threshold)} />
      <FieldError errors={errors} name="threshold" />
      <label>
        <input type="checkbox" name="autoApprove" checked={settings.autoApprove} /> {t('admin.matching.settings.autoApprove')}
      </label>
    </>
  );
  // Those who may only read see the settings as they are, unchangeable.
  if (!mayRun)
    return (
      <div class="card">
        <h2>{t('admin.cohort.matching.settings')}</h2>
        <fieldset disabled>{fields}</fieldset>
      </div>
    );
  return (
    <form method="post" action={props.action} class="card">
      <h2>{props.title ?? t('admin.matching.settings.rerun')}</h2>
      <input type="hidden" name="_csrf" value={props.csrf} />
      {fields}
      <p>
        <button class="secondary" type="submit">
          {props.submit ?? t('admin.matching.settings.rerunSubmit')}
        </button>
      </p>
    </form>
  );
}
