import { en } from '../i18n/en.js';
import type { MessageKey, MessageValues } from '../i18n/translator.js';

/** What to fix in one field of a participant's form, in words from the language catalogue. */
export interface FieldProblem {
  key: MessageKey;
  values: MessageValues;
}

export type FieldProblems = Partial<Record<string, FieldProblem>>;

const isMessageKey = (message: string): message is MessageKey => Object.hasOwn(en, message);

/**
 * One problem per field, the first the schema reports. Schemas give catalogue keys as their messages, so each
 * reader gets them in their language; a length limit travels as `maximum`. A field the form did not send at all
 * (a script, an old page) fails before the schema's own checks, with the validator's words: it is said missing.
 */
export function fieldProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of issues) {
    const maximum = 'maximum' in issue ? Number(issue.maximum) : undefined;
    const key = isMessageKey(issue.message) ? issue.message : 'error.missing';
    problems[String(issue.path[0] ?? 'form')] ??= { key, values: maximum === undefined ? {} : { maximum } };
  }
  return problems;
}
