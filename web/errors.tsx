import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { unavailableDependency } from './guards.js';
import { MessagePage } from './views/Layout.js';

const UNAVAILABLE = {
  database: 'Tandem cannot reach its database right now (it may be restarting).',
  temporal: 'Tandem cannot reach its workflow engine right now (it may be restarting).',
  slow: 'Tandem is too slow to answer right now (something behind it is restarting or overloaded).',
};

/** What a refusal means, when the code that refused did not say. */
const REFUSED: Partial<Record<number, string>> = {
  400: 'Tandem could not read this request.',
  403: 'This form was sent from another site, so Tandem refused it. Open the page on Tandem itself and send the form from there.',
  413: 'This request is larger than any Tandem form.',
};

/** The fields of a posted form, to send again as they were typed (a file cannot be kept: the person chooses it again). */
async function typedFields(c: Context): Promise<{ fields: [string, string][]; files: string[] }> {
  if (c.req.method !== 'POST') return { fields: [], files: [] };
  const body = await c.req.parseBody({ all: true }).catch(() => ({}));
  const fields: [string, string][] = [];
  const files: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    for (const one of [value].flat()) {
      if (typeof one === 'string') fields.push([name, one]);
      else files.push(name);
    }
  }
  return { fields, files };
}

/**
 * A dependency is down or slow: 503, saying so. A form is not lost: what was typed is shown and can be sent
 * again as it is, with one button, once Tandem is back.
 */
async function unavailablePage(c: Context, dependency: keyof typeof UNAVAILABLE) {
  const { fields, files } = await typedFields(c);
  const visible = fields.filter(([name]) => !/^(_csrf|requestId|submissionId|formId|runId|next|password)$/.test(name));
  c.header('retry-after', '30');
  return c.html(
    <MessagePage title="Tandem cannot answer right now">
      <p>{UNAVAILABLE[dependency]} Nothing was lost on your side.</p>
      {fields.length > 0 ? (
        <>
          <p>What you sent is kept below. Send it again in a minute: if it did arrive the first time, sending again changes nothing.</p>
          <form method="post" action={c.req.path}>
            {fields.map(([name, value]) => <input type="hidden" name={name} value={value} />)}
            <p><button type="submit">Send again</button></p>
          </form>
          {visible.length > 0 && (
            <details>
              <summary>What you typed</summary>
              <dl>{visible.map(([name, value]) => <><dt>{name}</dt><dd class="pre-wrap">{value}</dd></>)}</dl>
            </details>
          )}
          {files.length > 0 && <p>A file cannot be kept: choose it again when you send the form.</p>}
        </>
      ) : (
        <p><a href={c.req.path}>Try again</a> in a minute.</p>
      )}
    </MessagePage>,
    503,
  );
}

export const onError: ErrorHandler = async (error, c) => {
  const dependency = unavailableDependency(error);
  if (dependency) return unavailablePage(c, dependency);
  if (error instanceof HTTPException && error.status < 500) {
    return c.html(<MessagePage title="Request refused"><p>{error.message || REFUSED[error.status] || 'Tandem refused this request.'}</p></MessagePage>, error.status as ContentfulStatusCode);
  }
  // A malformed value in a link or form that reached the database (an id that is not one, say): the request's fault.
  if (['22P02', '22007', '22008', '22003'].includes(String((error as { code?: unknown }).code))) {
    return c.html(<MessagePage title="Request refused"><p>{REFUSED[400]}</p></MessagePage>, 400);
  }
  console.error(error);
  return c.html(<MessagePage title="Something went wrong"><p>The error was logged for the operator. Please try again; if it happens again, contact your programme's organisers.</p></MessagePage>, 500);
};

export const notFound: NotFoundHandler = (c) => c.html(<MessagePage title="Page not found"><p>There is nothing at this address.</p></MessagePage>, 404);
