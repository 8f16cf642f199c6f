import type { Cohort } from '../../db/cohorts.js';
import type { Pair } from '../../db/matching.js';
import type { Bounce } from '../../db/emails.js';
import type { Alert, Signature } from '../../db/pair-lifecycle.js';
import type { Participant } from '../../db/participants.js';
import { PAIR_END_REASONS } from '../../domain/types.js';
import type { PairState } from '../../workflows/pair/contract.js';
import { useTranslator } from '../views/language.js';
import { Layout, type AdminFrame } from '../views/Layout.js';
import { FieldError, invalid, type FieldErrors } from '../views/form.js';
import { plural } from '../../domain/format.js';

export interface PairView {
  cohort: Cohort;
  pair: Pair;
  mentee: Participant;
  mentor: Participant;
  /** The workflow's own view; undefined when it has finished long ago or Temporal did not answer. */
  state: PairState | undefined;
  signatures: Signature[];
  alerts: Alert[];
  workflowUrl: string;
  /** Of the two, whose address the mail service refused. */
  bounced: Bounce[];
}

/** The form the admin last sent, with its errors and what was typed, to show beside that form only. */
export interface FormEcho {
  form: 'extend' | 'pause' | 'keep-both' | 'rematch' | 'end';
  errors: FieldErrors;
  values: Record<string, string>;
}

type Props = PairView & { admin: AdminFrame; notice?: string; problem?: string; echo?: FormEcho };

/** One pair: where it is, what it waits for and until when, and everything the admin can do about it. */
export function PairPage(props: Props) {
  const { instant } = useTranslator();
  const { cohort, pair, mentee, mentor, state } = props;
  const running = pair.status === 'active' && state !== undefined && !state.ended;
  return (
    <Layout title={`${mentee.name} & ${mentor.name}`} admin={props.admin}>
      <p><a href={`/admin/cohorts/${cohort.slug}`}>← {cohort.name}</a></p>
      <h1>{mentee.name} <span class="muted">(mentee)</span> &amp; {mentor.name} <span class="muted">(mentor)</span></h1>
      {props.notice && <div class="banner ok" role="status">{props.notice}</div>}
      {props.problem && <div class="banner bad" role="alert">{props.problem}</div>}
      {state?.paused && <div class="banner bad" data-paused>Paused since {instant(state.paused.since)}: {state.paused.reason}</div>}
      <div class="card">
        <p>
          Stage: <strong data-pair-stage={state?.stage ?? pair.stage}>{state?.stage ?? pair.stage}</strong> · match score {pair.score} · health:{' '}
          <strong data-health={pair.health ?? ''}>{pair.health ?? 'not assessed yet'}</strong>
          {pair.healthReasons.length > 0 && <span class="hint"> ({pair.healthReasons.join('; ')})</span>}
        </p>
        <p data-waiting>{state ? waitingFor(props) : pair.endedReason ? `Ended: ${pair.endedReason}.` : 'The workflow did not answer; the figures come from the database.'}</p>
        <p>Workflow: <a href={props.workflowUrl} target="_blank" rel="noopener">{pair.workflowId}</a> in the Temporal UI</p>
        {props.signatures.length > 0 && (
          <p>Charter signed by {props.signatures.map((s) => `${s.typedName} (${instant(s.signedAt)})`).join(', ')}.</p>
        )}
      </div>
      {props.bounced.map((b) => (
        <div class="banner bad" data-bounced={b.email}>Email bounced: the mail service refused {b.name}'s address &lt;{b.email}&gt; ({b.reason}). They receive nothing from Tandem; contact them another way.</div>
      ))}
      {running && <Actions {...props} state={state} />}
      {pair.status === 'ended' && cohort.stage !== 'closed' && cohort.stage !== 'survey' && <PlacesAfterTheEnd {...props} />}
      {props.alerts.length > 0 && (
        <div class="card">
          <h2>Alerts about this pair</h2>
          <ul>{props.alerts.map((a) => <li>{instant(a.createdAt)}: {a.message}</li>)}</ul>
        </div>
      )}
    </Layout>
  );
}

/** What the pair waits for right now, and until when, in the admin's words. */
function waitingFor({ state, mentee, mentor }: Props): string {
  const { instant } = useTranslator();
  const s = state!;
  const names = (ids: string[]) => ids.map((id) => (id === mentee.id ? mentee.name : mentor.name)).join(' and ');
  const parties = [mentee.id, mentor.id];
  if (s.ended) return `Ending: ${s.ended.reason}.`;
  if (s.stage === 'charter') {
    const unsigned = parties.filter((p) => !s.signed[p]);
    return `Waiting for ${names(unsigned)} to sign the charter, until ${instant(s.charterDeadline!)}.${s.keepBoth ? ' If it is not signed in time, both are matched again.' : ''}`;
  }
  const open = s.checkIns.open;
  if (s.stage === 'active' && open) {
    const silent = parties.filter((p) => !open.answered?.includes(p) && !open.answers?.[p]);
    return silent.length ? `Check-in ${open.round + 1} is open until ${instant(open.closesAt)}; waiting for ${names(silent)}.` : `Check-in ${open.round + 1}: both answered.`;
  }
  if (s.stage === 'final-survey' && s.finalSurvey) {
    const silent = parties.filter((p) => !s.finalSurvey!.answered.includes(p));
    return silent.length ? `Final survey open until ${instant(s.finalSurvey.closesAt)}; waiting for ${names(silent)}.` : 'Final survey: both answered.';
  }
  return `Running; ${plural(s.checkIns.done, 'check-in')} done.`;
}

/**
 * An ended pair: who has their place back (the next matching round may give them a new partner), and for whoever
 * has not (an early end gives nobody theirs), the admin's way to give it back: a mentor free again, a mentee who
 * still wants a mentor.
 */
function PlacesAfterTheEnd(props: Props) {
  const { cohort, pair, mentee, mentor, echo } = props;
  const base = `/admin/cohorts/${cohort.slug}/pairs/${pair.id}`;
  return (
    <div class="card" id="places">
      <h2>After the end</h2>
      {[{ person: mentee, role: 'mentee' }, { person: mentor, role: 'mentor' }].map(({ person, role }) =>
        pair.rematchIds.includes(person.id) ? (
          <p data-place-back={person.name}>{person.name} ({role}) has their place back: the next matching round may give them a new partner.</p>
        ) : (
          <form method="post" action={`${base}/rematch`} data-give-place={person.name}>
            <input type="hidden" name="_csrf" value={props.admin.csrf} />
            <input type="hidden" name="requestId" value={crypto.randomUUID()} />
            <input type="hidden" name="participantId" value={person.id} />
            <label for={`place-${role}`}>Find {person.name} ({role}) a new partner <span class="hint">their place in this pair is given back; the two are not matched together again</span></label>
            <input type="text" id={`place-${role}`} name="reason" placeholder="reason" value={echo?.form === 'rematch' && echo.values.participantId === person.id ? echo.values.reason ?? '' : ''}
              class={echo?.form === 'rematch' && echo.values.participantId === person.id ? invalid(echo.errors, 'reason') : undefined} />
            {echo?.form === 'rematch' && echo.values.participantId === person.id && <FieldError errors={echo.errors} name="reason" />}
            <p><button class="secondary" type="submit">Find a new partner</button></p>
          </form>
        ),
      )}
    </div>
  );
}

function Actions(props: Props & { state: PairState }) {
  const { cohort, pair, mentee, mentor, state, echo } = props;
  const { csrf } = props.admin;
  const base = `/admin/cohorts/${cohort.slug}/pairs/${pair.id}`;
  const errorsOf = (form: FormEcho['form']) => (echo?.form === form ? echo.errors : {});
  const valueOf = (form: FormEcho['form'], name: string) => (echo?.form === form ? echo.values[name] : undefined);
  const Csrf = () => <input type="hidden" name="_csrf" value={csrf} />;
  const hasDeadline = state.stage === 'charter' || state.stage === 'final-survey' || (state.stage === 'active' && state.checkIns.open !== undefined);
  return (
    <div class="card" id="actions">
      <h2>Actions</h2>
      <form method="post" action={`${base}/nudge`}>
        <Csrf />
        <p><button class="secondary" type="submit">Nudge</button> <span class="hint">re-sends what the pair waits for to whoever has not answered</span></p>
      </form>
      {hasDeadline && (
        <form method="post" action={`${base}/extend`}>
          <Csrf />
          <input type="hidden" name="requestId" value={crypto.randomUUID()} />
          <label for="extend-by">Extend the current deadline by <span class="hint">e.g. 3d or 1w; whoever has not answered is told the new date</span></label>
          <input type="text" id="extend-by" name="by" value={valueOf('extend', 'by') ?? '3d'} class={invalid(errorsOf('extend'), 'by')} />
          <FieldError errors={errorsOf('extend')} name="by" />
          <p><button class="secondary" type="submit">Extend</button></p>
        </form>
      )}
      {state.paused ? (
        <form method="post" action={`${base}/resume`}>
          <Csrf />
          <p><button type="submit">Resume</button> <span class="hint">the open check-in, the check-ins to come and the pair's end move by the time paused</span></p>
        </form>
      ) : state.stage === 'active' && (
        <form method="post" action={`${base}/pause`}>
          <Csrf />
          <label for="pause-reason">Pause <span class="hint">(a party is away): no check-in, reminder or deadline until resumed; both are told why</span></label>
          <input type="text" id="pause-reason" name="reason" placeholder="reason" value={valueOf('pause', 'reason') ?? ''} class={invalid(errorsOf('pause'), 'reason')} />
          <FieldError errors={errorsOf('pause')} name="reason" />
          <p><button class="secondary" type="submit">Pause</button></p>
        </form>
      )}
      {state.stage === 'charter' && (
        <form method="post" action={`${base}/keep-both`}>
          <Csrf />
          <fieldset>
            <legend>If the charter is not signed in time</legend>
            <label><input type="radio" name="keepBoth" value="no" checked={!state.keepBoth} /> whoever signed is matched again; the other leaves this pair and is not</label>
            <label><input type="radio" name="keepBoth" value="yes" checked={state.keepBoth === true} /> keep both in the programme: both are matched again</label>
          </fieldset>
          <FieldError errors={errorsOf('keep-both')} name="keepBoth" />
          <p><button class="secondary" type="submit">Save this choice</button></p>
        </form>
      )}
      <form method="post" action={`${base}/rematch`}>
        <Csrf />
        <input type="hidden" name="requestId" value={crypto.randomUUID()} />
        <label for="rematch-who">Find a new partner for <span class="hint">the pair ends; the two are not matched together again</span></label>
        <select id="rematch-who" name="participantId">
          <option value={mentee.id}>{mentee.name} (mentee)</option>
          <option value={mentor.id}>{mentor.name} (mentor)</option>
        </select>
        <input type="text" name="reason" placeholder="reason" aria-label="Reason for the rematch" value={valueOf('rematch', 'reason') ?? ''} class={invalid(errorsOf('rematch'), 'reason')} />
        <FieldError errors={errorsOf('rematch')} name="reason" />
        <p><button class="secondary" type="submit">Rematch</button></p>
      </form>
      <form method="post" action={`${base}/end`}>
        <Csrf />
        <label for="end-reason">End the pair early <span class="hint">with objectives achieved, it still receives its final survey</span></label>
        <select id="end-reason" name="reason">
          {Object.entries(PAIR_END_REASONS).map(([value, label]) => <option value={value} selected={valueOf('end', 'reason') === value}>{label}</option>)}
        </select>
        <input type="text" name="details" placeholder="details (for Other)" aria-label="Details" value={valueOf('end', 'details') ?? ''} class={invalid(errorsOf('end'), 'details')} />
        <FieldError errors={errorsOf('end')} name="details" />
        <p><button class="secondary" type="submit">End the pair</button></p>
      </form>
    </div>
  );
}
