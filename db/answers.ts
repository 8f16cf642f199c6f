import { oweSignal } from './owed-signals.js';
import type { OwedSignal } from '../domain/types.js';
import type { Fragment, Sql, Tx } from './sql.js';

/**
 * Answers to forms, stored by the web app inside the window their workflow opened. One rule decides whether a
 * form is open, here: the window exists, its deadline has not passed, the workflow has not closed it, and
 * (for a pair's forms) the pair runs and is not paused. The check and the write are one transaction, and the
 * workflow closes a window under an exclusive lock, so what it reads when it closes is exactly what was
 * accepted. The workflow hears of each answer through `workflow_signals`, in the same transaction.
 */
export type Form = 'survey' | 'charter' | 'check-in' | 'final-survey';

export interface WindowKey {
  form: Form;
  /** The cohort (survey), a late joiner (their own survey), the pair, or `pair#round` (a check-in). */
  subjectId: string;
}

export type WindowState = 'open' | 'closed' | 'paused';

export interface AnswerWindow extends WindowKey {
  cohortId: string;
  pairId: string | null;
  closesAt: Date;
  closedAt: Date | null;
  state: WindowState;
}

export type Stored =
  | { ok: true; first: boolean; window: AnswerWindow }
  | { ok: false; refusal: 'closed' | 'paused' | 'answered' | 'no-window'; window?: AnswerWindow };

export const checkInSubject = (pairId: string, round: number) => `${pairId}#${round}`;

/** A pair's windows: its charter, each check-in round, its final survey. */
export type PairWindow = { form: 'charter' } | { form: 'check-in'; round: number } | { form: 'final-survey' };
export const pairWindowKey = (pairId: string, window: PairWindow): WindowKey => ({
  form: window.form,
  subjectId: window.form === 'check-in' ? checkInSubject(pairId, window.round) : pairId,
});

/**
 * The window of a form, with its state by the one rule; undefined when it was never opened here. Of several
 * subjects (a late joiner's own survey, then the cohort's), the first that has a window wins.
 */
export async function findWindow(sql: Sql | Tx, form: Form, subjectIds: string[]): Promise<AnswerWindow | undefined> {
  const [window] = await sql<AnswerWindow[]>`
    select w.form, w.subject_id, w.cohort_id, w.pair_id, w.closes_at, w.closed_at, ${windowState(sql)} as state
    from answer_windows w left join pairs x on x.id = w.pair_id
    where w.form = ${form} and w.subject_id = any(${subjectIds}::text[])
    order by array_position(${subjectIds}::text[], w.subject_id)
    limit 1`;
  return window;
}

/** The one rule, over a window `w` and its pair `x` (none for the survey). */
const windowState = (sql: Sql | Tx) => sql`
  case
    when w.closed_at is not null or now() >= w.closes_at or coalesce(x.status, 'active') <> 'active' then 'closed'
    when x.paused_since is not null then 'paused'
    else 'open'
  end`;

/**
 * Stores an answer if its window is open, in one statement (one round trip, however many arrive at once).
 * It holds a share lock on the window rows of `subjectIds` and of `lock` (a late joiner's answer also holds
 * the cohort's, so closing the survey waits for it) until it commits; a close is an update of that row, so it
 * waits for the answers being stored, and an answer that waited for a close sees the row as the close left
 * it. `write(openWindow)` is the insert, selecting its values `from open_window` (one row if the window is
 * open, none otherwise) and returning whether it is the person's first answer; no row means a second answer,
 * refused. The workflow is owed `signal` when it is the first.
 */
export async function storeAnswer(
  sql: Sql | Tx,
  options: { lock: WindowKey; subjectIds: string[]; write: (openWindow: Fragment) => Fragment; signal: OwedSignal },
): Promise<Stored> {
  const { form } = options.lock;
  const subjects = options.subjectIds;
  const locked = [...new Set([...subjects, options.lock.subjectId])];
  const [row] = await sql<(AnswerWindow & { first: boolean | null })[]>`
    with locked as (
      select form, subject_id, cohort_id, pair_id, closes_at, closed_at from answer_windows
      where form = ${form} and subject_id = any(${locked}::text[])
      for share
    ),
    chosen as (
      select w.*, ${windowState(sql)} as state
      from locked w left join pairs x on x.id = w.pair_id
      where w.subject_id = any(${subjects}::text[])
      order by array_position(${subjects}::text[], w.subject_id)
      limit 1
    ),
    open_window as (select 1 from chosen where state = 'open'),
    written as (${options.write(sql`open_window`)}),
    owed as (${oweSignal(sql, options.signal, sql`written where first`)})
    select c.form, c.subject_id, c.cohort_id, c.pair_id, c.closes_at, c.closed_at, c.state, w.first
    from chosen c left join written w on true`;
  if (!row) return { ok: false, refusal: 'no-window' };
  const { first, ...window } = row;
  if (window.state !== 'open') return { ok: false, refusal: window.state, window };
  if (first === null) return { ok: false, refusal: 'answered', window };
  return { ok: true, first, window };
}

/** Opens a window (a retry finds it open and changes nothing). */
export async function openWindow(sql: Sql | Tx, window: WindowKey & { cohortId: string; pairId?: string; closesAt: Date }): Promise<void> {
  await sql`
    insert into answer_windows (form, subject_id, cohort_id, pair_id, closes_at)
    values (${window.form}, ${window.subjectId}, ${window.cohortId}, ${window.pairId ?? null}, ${window.closesAt})
    on conflict (form, subject_id) do nothing`;
}

/** A new deadline (the admin extended it, or the pair resumed after a pause). */
export async function moveWindow(sql: Sql, key: WindowKey, closesAt: Date): Promise<void> {
  await sql`update answer_windows set closes_at = ${closesAt} where form = ${key.form} and subject_id = ${key.subjectId} and closed_at is null`;
}

/**
 * Closes a window once every answer being stored in it has landed (the update waits for their share locks);
 * from then on nothing more is accepted, so what the caller reads next is final.
 */
export async function closeWindow(sql: Sql, key: WindowKey): Promise<void> {
  await sql`update answer_windows set closed_at = coalesce(closed_at, now()) where form = ${key.form} and subject_id = ${key.subjectId}`;
}
