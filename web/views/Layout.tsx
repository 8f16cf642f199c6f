import type { Child } from 'hono/jsx';

const STYLE = `
  :root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --brand: #3b6e8f; --bad: #b42318; --ok: #2f7d4f; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, Segoe UI, sans-serif; color: var(--ink); background: #f6f7f9; }
  header { background: #fff; border-bottom: 1px solid var(--line); padding: 12px 24px; display: flex; gap: 24px; align-items: center; }
  header .brand { font-weight: 700; letter-spacing: .08em; color: var(--brand); text-decoration: none; }
  header nav { display: flex; gap: 16px; flex: 1; }
  header form { margin: 0; }
  main { max-width: 960px; margin: 24px auto; padding: 0 24px; }
  .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 20px 24px; margin-bottom: 20px; }
  label { display: block; font-weight: 600; margin-top: 14px; }
  .hint { color: var(--muted); font-size: 14px; font-weight: 400; }
  input[type=text], input[type=email], input[type=password], input[type=number], select, textarea { width: 100%; padding: 8px 10px; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
  textarea { min-height: 90px; }
  fieldset { border: 1px solid var(--line); border-radius: 6px; margin-top: 14px; }
  fieldset label { display: inline-block; font-weight: 400; margin: 4px 16px 4px 0; }
  .error { color: var(--bad); font-size: 14px; margin: 4px 0 0; }
  .invalid { border-color: var(--bad) !important; }
  .banner { padding: 12px 16px; border-radius: 6px; margin-bottom: 16px; }
  .banner.bad { background: #fef3f2; color: var(--bad); border: 1px solid #fecdca; }
  .banner.ok { background: #ecfdf3; color: var(--ok); border: 1px solid #abefc6; }
  button, .button { background: var(--brand); color: #fff; border: 0; border-radius: 6px; padding: 10px 18px; font: inherit; font-weight: 600; cursor: pointer; text-decoration: none; display: inline-block; }
  button.secondary { background: #fff; color: var(--brand); border: 1px solid var(--brand); }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); font-size: 15px; }
  .figures { display: flex; gap: 16px; flex-wrap: wrap; }
  .figure { flex: 1; min-width: 120px; background: #f0f4f8; border-radius: 6px; padding: 10px 14px; }
  .figure b { display: block; font-size: 26px; }
  .muted { color: var(--muted); }
`;

export function Layout(props: { title: string; children: Child; admin?: { csrf: string } }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title} · Tandem</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <header>
          <a class="brand" href={props.admin ? '/admin' : '/'}>TANDEM</a>
          {props.admin && (
            <>
              <nav>
                <a href="/admin">Cohorts</a>
                <a href="/admin/cohorts/new">New cohort</a>
              </nav>
              <form method="post" action="/admin/logout">
                <input type="hidden" name="_csrf" value={props.admin.csrf} />
                <button class="secondary" type="submit">Log out</button>
              </form>
            </>
          )}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

/** A whole page that only says something: invalid link, closed survey, error. */
export function MessagePage(props: { title: string; children: Child }) {
  return (
    <Layout title={props.title}>
      <div class="card">
        <h1>{props.title}</h1>
        {props.children}
      </div>
    </Layout>
  );
}
