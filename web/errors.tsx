import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { preferredLocale } from '../i18n/locales.js';
import { translator, type MessageKey } from '../i18n/translator.js';
import { Refused, unavailableDependency, type DependencyUnavailable } from './guards.js';
import { requestLogger } from './observe.js';
import { MessagePage } from './views/Layout.js';

/** What a refusal means, when the code that refused did not say. */
const REFUSED: Partial<Record<number, MessageKey>> = {
  400: 'error.page.unreadable',
  403: 'error.page.crossSite',
  413: 'error.page.tooLarge',
};

/** Error pages meet admins and participants alike, signed in or not: they speak the browser's language. */
const readerOf = (c: Context) => translator(preferredLocale(c.req.header('accept-language')));

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
async function unavailablePage(c: Context, dependency: DependencyUnavailable['dependency']) {
  const text = readerOf(c);
  const { t } = text;
  const { fields, files } = await typedFields(c);
  const visible = fields.filter(([name]) => !/^(_csrf|requestId|submissionId|formId|runId|next|password)$/.test(name));
  c.header('retry-after', '30');
  return c.html(
    <MessagePage text={text} title={t('error.page.unavailable.title')}>
      <p>{t('error.page.unavailable', { dependency })}</p>
      {fields.length > 0 ? (
        <>
          <p>{t('error.page.kept')}</p>
          <form method="post" action={c.req.path}>
            {fields.map(([name, value]) => (
              <input type="hidden" name={name} value={value} />
            ))}
            <p>
              <button type="submit">{t('error.page.sendAgain')}</button>
            </p>
          </form>
          {visible.length > 0 && (
            <details>
              <summary>{t('error.page.typed')}</summary>
              <dl>
                {visible.map(([name, value]) => (
                  <>
                    <dt>{name}</dt>
                    <dd class="pre-wrap">{value}</dd>
                  </>
                ))}
              </dl>
            </details>
          )}
          {files.length > 0 && <p>{t('error.page.file')}</p>}
        </>
      ) : (
        <p>
          <a href={c.req.path}>{t('error.page.tryAgain')}</a> {t('error.page.tryAgain.when')}
        </p>
      )}
    </MessagePage>,
    503,
  );
}

export const onError: ErrorHandler = async (error, c) => {
  const dependency = unavailableDependency(error);
  if (dependency) return unavailablePage(c, dependency);
  const text = readerOf(c);
  const refused = (why: string) => (
    <MessagePage text={text} title={text.t('error.page.refused.title')}>
      <p>{why}</p>
    </MessagePage>
  );
  if (error instanceof HTTPException && error.status < 500) {
    // Our own refusals in the reader's words; another's message (a library's) as it was written.
    const why =
      error instanceof Refused ? text.t(error.why, error.values) : error.message || text.t(REFUSED[error.status] ?? 'error.page.refused');
    return c.html(refused(why), error.status as ContentfulStatusCode);
  }
  // A malformed value in a link or form that reached the database (an id that is not one, say): the request's fault.
  if (['22P02', '22007', '22008', '22003'].includes(String((error as { code?: unknown }).code))) {
    return c.html(refused(text.t('error.page.unreadable')), 400);
  }
  requestLogger(c.get('requestId')).error({ err: error }, 'the page failed');
  return c.html(
    <MessagePage text={text} title={text.t('error.page.failed.title')}>
      <p>{text.t('error.page.failed')}</p>
    </MessagePage>,
    500,
  );
};

export const notFound: NotFoundHandler = (c) => {
  const text = readerOf(c);
  return c.html(
    <MessagePage text={text} title={text.t('error.page.notFound.title')}>
      <p>{text.t('error.page.notFound')}</p>
    </MessagePage>,
    404,
  );
};
