import type { MessageKey, MessageValues } from '../i18n/translator.js';

/** What to fix in one field of a participant's form, in words from the language catalogue. */
export interface FieldProblem {
  key: MessageKey;
  values: MessageValues;
}

export type FieldProblems = Partial<Record<string, FieldProblem>>;

/**
 * One problem per field, the first the schema reports. Participants' schemas give catalogue keys as their
 * messages, so each reader gets them in their language; a length limit travels as `maximum`.
 */
export function fieldProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of issues) {
    const maximum = 'maximum' in issue ? Number(issue.maximum) : undefined;
    problems[String(issue.path[0] ?? 'form')] ??= { key: issue.message as MessageKey, values: maximum === undefined ? {} : { maximum } };
  }
  return problems;
}
