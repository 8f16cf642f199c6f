import type { Context } from 'hono';

export type FormFields = Record<string, string | string[]>;

/**
 * A participant's posted form: its fields as text, a repeated name (the boxes of one question) as a list.
 * Browsers send these forms urlencoded, read here straight from the request: going through the Fetch API's
 * FormData, as `parseBody` does, costs more than storing the answer when hundreds arrive in the same second.
 * Another encoding (a script's multipart) is read by `parseBody`, files left out.
 */
export async function readForm(c: Context): Promise<FormFields> {
  if (/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? ''))
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
