import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Child } from 'hono/jsx';
import { preferredLocale } from '../../i18n/locales.js';
import { DEFAULT_TIME_ZONE, parseTimeZone } from '../../i18n/time-zones.js';
import { translator, type MessageKey, type Translator } from '../../i18n/translator.js';
import { ASSETS } from '../assets.js';
import type { LoginOutcome } from '../auth.js';
import type { WebDeps } from '../deps.js';
import { checkForm } from '../form-body.js';
import { Refused } from '../guards.js';
import { Language } from '../views/language.js';
import { Layout } from '../views/Layout.js';

/** A step of signing in: a narrow card in the browser's language, under its heading, with the last attempt's error. */
function LoginStep(props: { text: Translator; heading: MessageKey; error?: string | undefined; children: Child }) {
  const { t } = props.text;
  return (
    <Language.Provider value={props.text}>
      <Layout title={t('admin.login.title')}>
        <div class="card narrow">
          <h1>{t(props.heading)}</h1>
          {props.error && (
            <div class="banner bad" role="alert" id="login-error">
              {props.error}
            </div>
          )}
          {props.children}
        </div>
        <script src={ASSETS.timeZone} defer />
      </Layout>
    </Language.Provider>
  );
}

function LoginPage(props: { text: Translator; next: string; error?: string; user?: string; sso?: string | undefined }) {
  const { t } = props.text;
  return (
    <LoginStep text={props.text} heading="admin.login.heading" error={props.error}>
      {props.sso && (
        <>
          <p>
            <a class="button" href={`/admin/sso?next=${encodeURIComponent(props.next)}`}>
              {t('admin.login.sso', { provider: props.sso })}
            </a>
          </p>
          <p class="muted">{t('admin.login.orPassword')}</p>
        </>
      )}
      <form method="post" action="/admin/login">
        <input type="hidden" name="next" value={props.next} />
        <input type="hidden" name="timeZone" value="" data-detect-time-zone />
        <label for="user">{t('admin.login.user')}</label>
        <input type="text" id="user" name="user" autocomplete="username" value={props.user ?? ''} required />
        <label for="password">{t('admin.login.password')}</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required />
        <p>
          <button type="submit">{t('admin.login.button')}</button>
        </p>
      </form>
      <p>
        <a href="/admin/reset">{t('admin.login.forgot')}</a>
      </p>
    </LoginStep>
  );
}

/** Only our own admin paths: the login form must not become an open redirect. */
export const safeNext = (next: unknown) =>
  typeof next === 'string' && /^\/(admin|dev\/outbox)(\/[\w\-/]*)?$/.test(next) ? next : '/admin';

/** Nobody is signed in yet: the page speaks the browser's language, its dates in the zone the browser gave. */
export const readerOf = (c: Context, timeZone = DEFAULT_TIME_ZONE) =>
  translator(preferredLocale(c.req.header('accept-language')), timeZone);

const loginFormSchema = z.object({ user: z.string(), password: z.string(), timeZone: z.string().optional(), next: z.string().optional() });
const codeFormSchema = z.object({ code: z.string() });

export function createLoginRoutes({ auth, sso }: WebDeps) {
  const provider = sso?.settings.name;

  /** What a login or its code came to: in, or the page again with why. */
  function answer(c: Context, outcome: LoginOutcome, page: { text: Translator; next: string; user?: string; code?: boolean }) {
    const { t, instant } = page.text;
    if (outcome.ok) return c.redirect(outcome.next ?? page.next, 303);
    const error = outcome.locked
      ? t('admin.login.locked', { scope: outcome.locked.scope, until: instant(outcome.locked.until) })
      : outcome.suspended
        ? t('admin.login.suspended')
        : outcome.expired
          ? t('admin.login.codeExpired')
          : outcome.secondFactor
            ? t('admin.login.wrongCode')
            : t('admin.login.wrong');
    const status = outcome.locked ? 429 : outcome.suspended ? 403 : 401;
    if (outcome.secondFactor) {
      // Asked for after a right password; asked again, saying why, after a wrong or locked code.
      const shown = outcome.locked || page.code ? { error } : {};
      return c.html(<CodePage text={page.text} {...shown} />, outcome.locked ? 429 : page.code ? 401 : 200);
    }
    return c.html(<LoginPage text={page.text} next={page.next} user={page.user ?? ''} sso={provider} error={error} />, status);
  }

  return new Hono()
    .get('/login', (c) => c.html(<LoginPage text={readerOf(c)} next={safeNext(c.req.query('next'))} sso={provider} />))
    .post('/login', async (c) => {
      const form = await checkForm(c, loginFormSchema);
      // Not the login form (JSON, nothing): not a login attempt either.
      if (!form.ok) throw new Refused(400, 'error.page.noLoginForm');
      const { user, password } = form.data;
      // The admin's pages show dates in the time zone of the browser they log in from.
      const timeZone = form.data.timeZone === undefined ? undefined : parseTimeZone(form.data.timeZone);
      const text = readerOf(c, timeZone);
      const next = safeNext(form.data.next);
      return answer(c, await auth.logIn(c, user, password, { timeZone, next }), { text, next, user });
    })
    .post('/login/code', async (c) => {
      const form = await checkForm(c, codeFormSchema);
      const text = readerOf(c);
      const outcome = await auth.completeSecondFactor(c, form.ok ? form.data.code : '');
      return answer(c, outcome, { text, next: '/admin', code: true });
    });
}

/** The second step of a login: the code the authenticator app shows now. */
function CodePage(props: { text: Translator; error?: string }) {
  const { t } = props.text;
  return (
    <LoginStep text={props.text} heading="admin.login.codeHeading" error={props.error}>
      <form method="post" action="/admin/login/code">
        <label for="code">{t('admin.login.code')}</label>
        <input
          type="text"
          id="code"
          name="code"
          inputmode="numeric"
          autocomplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          required
          autofocus
        />
        <p>
          <button type="submit">{t('admin.login.button')}</button>
        </p>
      </form>
    </LoginStep>
  );
}
