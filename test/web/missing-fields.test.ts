/**
 * Forms sent without their fields (by a script, an old page, a proxy that drops a body): each answers 422 with
 * what is missing, as an empty field does, and stores nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getSurveyAnswers } from '../../db/survey-answers.js';
import { startCohort, surveyPath } from '../helpers/cohort-fixtures.js';
import { participantByEmail } from '../helpers/people.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { pageText, webClient } from '../helpers/web-client.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

it('the intake survey, sent with no field at all', async () => {
  const cohort = await startCohort(stack, 'missing-survey', ['Mia:mentor', 'Ava:mentee']);
  const sent = await webClient(stack.app).post(await surveyPath(stack, cohort, 'ava@missing-survey.example.org'), {});
  expect(sent.status).toBe(422);
  expect(pageText(await sent.text())).toMatch(/Please fix these \d+ problems: This field was not sent: fill it in and send the form again/);
  const ava = await participantByEmail(stack.sql, 'ava@missing-survey.example.org');
  expect(await getSurveyAnswers(stack.sql, ava!.id)).toBeUndefined();
});

it('the new-cohort form, sent with its token only', async () => {
  const admin = webClient(stack.app);
  await admin.logIn();
  const { _csrf } = await admin.hiddenFields('/admin/cohorts/new');
  const sent = await admin.post('/admin/cohorts', { _csrf: _csrf! });
  expect(sent.status).toBe(422);
  expect(pageText(await sent.text())).toMatch(
    /Please fix these \d+ problems: .*This field was not sent: fill it in and send the form again/,
  );
});

it('in French, the missing field is said in French', async () => {
  const cohort = await startCohort(stack, 'champ-absent', ['Mia:mentor', 'Ava:mentee']);
  await stack.sql`update participants set language = 'fr' where cohort_id = ${cohort.id}`;
  const sent = await webClient(stack.app).post(await surveyPath(stack, cohort, 'ava@champ-absent.example.org'), {});
  expect(sent.status).toBe(422);
  expect(pageText(await sent.text())).toContain('Ce champ n’a pas été envoyé');
});
