import type { Context } from 'hono';
import type { z } from 'zod';
import { fieldProblems, type FieldProblems } from '../domain/form-problems.js';

export type FormFields = Record<string, string | string[]>;

/**
 * A participant's posted form: its fields as text, a repeated name (the boxes of one question) as a list.
 * Browsers send these forms urlencoded, read here straight from the request: going through the Fetch API's
 * FormData, as `parseBody` does, costs more than storing the answer when hundreds arrive in the same second.
 * Another encoding (a script's multipart) is read by `parseBody`, files left out.
 */
export async function readForm(c: Context): Promise<FormFields> {
  // Read as FormData already (the admin pages' CSRF check), the body's text would come back multipart: reuse it.
  if (/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? '') && !c.req.bodyCache.formData)
    return collect(new URLSearchParams(await c.req.text()));
  const body = await c.req.parseBody({ all: true });
  return collect(
    Object.entries(body).flatMap(([name, value]) => [value].flat().flatMap((v) => (typeof v === 'string' ? [[name, v] as const] : []))),
  );
}

function collect(entries: Iterable<readonly [string, string]>): FormFields {
  const fields: FormFields = {};
  for (const [name, value] of entries) {
    const had = fields[name];
    fields[name] = had === undefined ? value : [...[had].flat(), value];
  }
  return fields;
}

/** One value per field (the last, as `parseBody` without `all`), for forms without multiple choices. */
export const lastValues = (fields: FormFields): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, [value].flat().at(-1)!]));

/** A form checked against its schema: its data, or its problems; either way what was typed, to show again. */
export type CheckedForm<T> =
  { ok: true; data: T; values: Record<string, string> } | { ok: false; problems: FieldProblems; values: Record<string, string> };

/**
 * Every form's one way in: its fields read as above, one value each (as a list, those `lists` names: a group of
 * boxes), checked against its zod schema, which gives the handler its type. A failure says what to fix, field by
 * field, as catalogue keys the page words in its reader's language (`inWords`); a field not sent at all (a
 * script, an old page) is a problem like an empty one, never an error page.
 */
export async function checkForm<S extends z.ZodType>(
  c: Context,
  schema: S,
  { lists = [] }: { lists?: readonly string[] } = {},
): Promise<CheckedForm<z.output<S>>> {
  const fields = await readForm(c);
  const values = lastValues(fields);
  const parsed = schema.safeParse({ ...values, ...Object.fromEntries(lists.map((name) => [name, [fields[name] ?? []].flat()])) });
  return parsed.success ? { ok: true, data: parsed.data, values } : { ok: false, problems: fieldProblems(parsed.error.issues), values };
}
