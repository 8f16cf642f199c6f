import type { MatchInput, MatchResult } from '../matching/match-cohort.js';
import type { Mentee, Mentor } from '../matching/profiles.js';
import { opened } from './data-keys.js';
import type { Sql, Tx } from './sql.js';

/**
 * A match run names its people by id: what it keeps is who was in the round, the scores, the kinds of its
 * reasons and the admins' changes. Names, survey answers and CSV values stay in the people's own rows and are
 * read back with the run, as they are then (someone erased is no longer in it). So a run copies nobody's words,
 * and an erasure leaves it whole.
 */

/** The run as stored: its people as ids, its pairs and unmatched without names, its reasons without the answers they quoted. */
export function byReference({ inputs, result }: { inputs: MatchInput; result: MatchResult }): { inputs: object; result: object } {
  return {
    inputs: {
      ...inputs,
      mentees: inputs.mentees.map(({ id }) => ({ id })),
      mentors: inputs.mentors.map(({ id }) => ({ id })),
      unanswered: inputs.unanswered.map(({ id, role }) => ({ id, role })),
    },
    result: withoutWords(result),
  };
}

/** A result without the people's names and the answers its reasons quoted (they are worded again when read). */
export function withoutWords(result: MatchResult): object {
  return {
    ...result,
    pairs: result.pairs.map(({ menteeName: _mentee, mentorName: _mentor, criteria, ...pair }) => ({
      ...pair,
      criteria: criteria.map(({ reason: _reason, ...c }) => c),
    })),
    unmatched: result.unmatched.map(({ name: _name, ...u }) => u),
    freeMentors: result.freeMentors.map(({ name: _name, ...f }) => f),
  };
}

export interface Person {
  id: string;
  name: string;
  attributes: Record<string, string>;
  answers: Mentee['answers'] | Mentor['answers'] | null;
}

/** These people as they are now, opened: their names, CSV values and survey answers (none once erased). */
export async function peopleById(sql: Sql | Tx, ids: string[]): Promise<Map<string, Person>> {
  const people = await opened(
    sql,
    await sql<Person[]>`
      select p.id, p.name, p.attributes, a.answers from participants p left join survey_answers a on a.participant_id = p.id
      where p.id = any(${[...new Set(ids)]}::uuid[])`,
  );
  return new Map(people.map((p) => [p.id, p]));
}

/** A person's matching profile, if they still have answers. */
export const profileOf = <T extends Mentee | Mentor>(person: Person | undefined): T | undefined =>
  person?.answers ? ({ id: person.id, name: person.name, attributes: person.attributes, answers: person.answers } as T) : undefined;

/**
 * A stored run with its people as they are now: their names in the result, their profiles in the inputs (those
 * without answers any more, erased, are left out of the inputs, so an adjustment cannot pair them).
 */
export async function withPeople<R extends { inputs: MatchInput; result: MatchResult }>(sql: Sql | Tx, run: R): Promise<R> {
  const people = await peopleById(
    sql,
    [...run.inputs.mentees, ...run.inputs.mentors, ...run.inputs.unanswered].map((p) => p.id),
  );
  const name = (id: string) => people.get(id)?.name ?? '';
  const profiles = <T extends Mentee | Mentor>(list: { id: string }[]) => list.flatMap(({ id }) => profileOf<T>(people.get(id)) ?? []);
  const { inputs, result } = run;
  return {
    ...run,
    inputs: {
      ...inputs,
      mentees: profiles<Mentee>(inputs.mentees),
      mentors: profiles<Mentor>(inputs.mentors),
      unanswered: inputs.unanswered.map((u) => ({ ...u, name: name(u.id) })),
    },
    result: {
      ...result,
      pairs: result.pairs.map((p) => ({
        ...p,
        menteeName: name(p.menteeId),
        mentorName: name(p.mentorId),
        criteria: p.criteria.map((c) => ({ ...c, reason: c.reason ?? '' })),
      })),
      unmatched: result.unmatched.map((u) => ({ ...u, name: name(u.participantId) })),
      freeMentors: result.freeMentors.map((f) => ({ ...f, name: name(f.mentorId) })),
    },
  };
}
