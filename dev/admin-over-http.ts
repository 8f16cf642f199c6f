/** An admin driving a running web app over real HTTP (a process of its own, not `app.request`): tests, benchmarks, demos. */
export const hiddenFieldsOf = (html: string): Record<string, string> =>
  Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));

/** Logs in; returns the session cookie. */
export async function logInOverHttp(base: string, password: string, user = 'admin'): Promise<string> {
  const login = await fetch(`${base}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: base },
    body: new URLSearchParams({ user, password, next: '/admin' }),
  });
  if (login.status !== 303) throw new Error(`login answered ${login.status}`);
  return login.headers.get('set-cookie')!.split(';')[0]!;
}

/** The cohort form's fields for a short programme, as tests and demos create one. */
export const SHORT_PROGRAMME = {
  charter: 'We meet monthly and answer every check-in.',
  surveyDuration: '1h',
  checkInCount: '1',
  checkInInterval: '1m',
  programmeDuration: '10m',
  charterDuration: '5m',
};

/** Creates a cohort with the web form (a short programme unless `fields` say otherwise); returns its slug. */
export async function createCohortOverHttp(
  base: string,
  cookie: string,
  name: string,
  csv = 'name,email,role,language\nAda,ada@example.org,mentor,English\n',
  fields: Record<string, string> = {},
): Promise<string> {
  const hidden = hiddenFieldsOf(await (await fetch(`${base}/admin/cohorts/new`, { headers: { cookie } })).text());
  const body = new FormData();
  for (const [k, v] of Object.entries({
    ...hidden,
    name,
    ...SHORT_PROGRAMME,
    ...fields,
  }))
    body.append(k, v);
  body.append('participants', new File([csv], 'participants.csv', { type: 'text/csv' }));
  const created = await fetch(`${base}/admin/cohorts`, { method: 'POST', redirect: 'manual', headers: { origin: base, cookie }, body });
  if (created.status !== 303) throw new Error(`the cohort form answered ${created.status}: ${(await created.text()).slice(0, 300)}`);
  return created.headers.get('location')!.split('/')[3]!.split('?')[0]!;
}
