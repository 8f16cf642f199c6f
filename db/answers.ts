import type { Sql, Tx } from './sql.js';
import { json } from './sql.js';

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

/** A signal to send its workflow once the answer is stored. */
export interface OwedSignal {
  workflowId: string;
  signal: string;
  payload: object;
}

export type Stored = { ok: true; first: boolean; window: AnswerWindow } | { ok: false; refusal: 'closed' | 'paused' | 'answered' | 'no-window'; window?: AnswerWindow };

export const checkInSubject = (pairId: string, round: number) => `${pairId}#${round}`;

/** A pair's windows: its charter, each check-in round, its final survey. */
export type PairWindow = { form: 'charter' } | { form: 'check-in'; round: number } | { form: 'final-survey' };
export const pairWindowKey = (pairId: string, window: PairWindow): WindowKey => ({ form: window.form, subjectId: window.form === 'check-in' ? checkInSubject(pairId, window.round) : pairId });

/** A late joiner's survey answers are stored under the cohort's lock: closing the survey waits for them too. */
const lockKey = ({ form, subjectId }: WindowKey) => `${form}:${subjectId}`;

/**
 * The window of a form, with its state by the one rule; undefined when it was never opened here. Of several
 * subjects (a late joiner's own survey, then the cohort's), the first that has a window wins.
 */
export async function findWindow(sql: Sql | Tx, form: Form, subjectIds: string[]): Promise<AnswerWindow | undefined> {
  const [window] = await sql<AnswerWindow[]>`
    select w.form, w.subject_id, w.cohort_id, w.pair_id, w.closes_at, w.closed_at,
      case
        when w.closed_at is not null or now() >= w.closes_at or coalesce(x.status, 'active') <> 'active' then 'closed'
        when x.paused_since is not null then 'paused'
        else 'open'
      end as state
    from answer_windows w left join pairs x on x.id = w.pair_id
    where w.form = ${form} and w.subject_id = any(${subjectIds}::text[])
    order by array_position(${subjectIds}::text[], w.subject_id)
    limit 1`;
  return window;
}

/**
 * Stores an answer if its window is open: `lock` names the window whose closing it must not cross,
 * `subjectIds` the windows that may apply (as `findWindow`), `write` stores it (returning whether it is the
 * person's first answer, or 'answered' to refuse a second one), and `signal` tells the workflow of it.
 */
export async function storeAnswer(sql: Sql, options: { lock: WindowKey; subjectIds: string[]; write: (tx: Tx) => Promise<boolean | 'answered'>; signal: (first: boolean) => OwedSignal | undefined }): Promise<Stored> {
  return sql.begin(async (tx) => {
    // Sent together (one round trip); the window is read after the lock is granted, so never before a close.
    const [, window] = await Promise.all([tx`select pg_advisory_xact_lock_shared(hashtext(${lockKey(options.lock)}))`, findWindow(tx, options.lock.form, options.subjectIds)]);
    if (!window) return { ok: false, refusal: 'no-window' } as const;
    if (window.state !== 'open') return { ok: false, refusal: window.state, window } as const;
    const first = await options.write(tx);
    if (first === 'answered') return { ok: false, refusal: 'answered', window } as const;
    const owed = options.signal(first);
    if (owed) await queueSignal(tx, owed);
    return { ok: true, first, window } as const;
  });
}

/** Owes a workflow a signal, in the caller's transaction; the worker's relay is woken when it commits. */
export async function queueSignal(tx: Tx, owed: OwedSignal): Promise<void> {
  await tx`
    with owed as (insert into workflow_signals (workflow_id, signal, payload) values (${owed.workflowId}, ${owed.signal}, ${json(tx, owed.payload)}) returning 1)
    select pg_notify('workflow_signals', '') from owed`;
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
 * Closes a window once every answer being stored in it has landed (the exclusive lock waits for them);
 * from then on nothing more is accepted, so what the caller reads next is final.
 */
export async function closeWindow(sql: Sql, key: WindowKey): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext(${lockKey(key)}))`;
    await tx`update answer_windows set closed_at = coalesce(closed_at, now()) where form = ${key.form} and subject_id = ${key.subjectId}`;
  });
}
