import { OWN_WORDS } from '../../domain/own-words.js';
import { createDataKeys, emailIndexOf, sealFields } from '../data-keys.js';
import { json, type Tx } from '../sql.js';

/** Seals what a previous release stored in clear, for each participant not erased, under a new key of theirs. */
export async function sealEveryParticipant(tx: Tx): Promise<void> {
  const people = await tx<{ id: string; name: string; email: string; attributes: Record<string, string> }[]>`
    select id, name, email, attributes from participants where erased_at is null`;
  const keys = await createDataKeys(
    tx,
    people.map((p) => p.id),
  );
  for (const person of people) {
    const key = keys.get(person.id)!;
    const sealed = sealFields(person.id, key, person, ['name', 'email']);
    const attributes = sealFields(person.id, key, person.attributes, Object.keys(person.attributes));
    await tx`update participants set name = ${sealed.name}, email = ${sealed.email}, email_index = ${emailIndexOf(person.email)},
      attributes = ${json(tx, attributes)} where id = ${person.id}`;
  }
  await tx`update participants set email_index = 'erased:' || id where erased_at is not null`;

  const answers = [
    { table: 'survey_answers', fields: OWN_WORDS.survey },
    { table: 'check_in_answers', fields: OWN_WORDS.checkIn },
    { table: 'final_survey_answers', fields: OWN_WORDS.finalSurvey },
  ];
  for (const { table, fields } of answers) {
    const rows = await tx<{ row: string; participantId: string; answers: Record<string, unknown> }[]>`
      select ctid::text as row, participant_id, answers from ${tx(table)} where participant_id = any(${[...keys.keys()]}::uuid[])`;
    for (const row of rows) {
      const sealed = sealFields(row.participantId, keys.get(row.participantId)!, row.answers, fields);
      await tx`update ${tx(table)} set answers = ${json(tx, sealed)} where ctid = ${row.row}::tid`;
    }
  }
  const signatures = await tx<{ row: string; participantId: string; typedName: string; objectives: string[] }[]>`
    select ctid::text as row, participant_id, typed_name, objectives from charter_signatures where participant_id = any(${[...keys.keys()]}::uuid[])`;
  for (const s of signatures) {
    const sealed = sealFields(s.participantId, keys.get(s.participantId)!, s, ['typedName', 'objectives']);
    await tx`update charter_signatures set typed_name = ${sealed.typedName}, objectives = ${json(tx, sealed.objectives)} where ctid = ${s.row}::tid`;
  }
  const emails = await tx<{ idempotencyKey: string; participantId: string; toAddress: string; error: string | null }[]>`
    select idempotency_key, participant_id, to_address, error from sent_emails where participant_id = any(${[...keys.keys()]}::uuid[])`;
  for (const e of emails) {
    const sealed = sealFields(e.participantId, keys.get(e.participantId)!, e, ['toAddress', 'error']);
    await tx`update sent_emails set to_address = ${sealed.toAddress}, error = ${sealed.error} where idempotency_key = ${e.idempotencyKey}`;
  }

  await tx`alter table participants alter column email_index set not null`;
  await tx`alter table participants add constraint participants_cohort_email_index unique (cohort_id, email_index)`;
}
