import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { SystemAlert } from '../../db/system-alerts.js';
import { ASSETS } from '../assets.js';
import { pageBrand } from '../brand.js';
import { TANDEM_BRAND } from '../../domain/organisation.js';
import type { May } from '../../domain/admin-roles.js';
import type { Translator } from '../../i18n/translator.js';
import { Allowed } from './allowed.js';
import { Language, useTranslator } from './language.js';

/** What every admin page carries: its forms' CSRF token, and what the operator must know about. */
export interface AdminFrame {
  csrf: string;
  systemAlerts: SystemAlert[];
  /** The admin's pages: in their browser's language, dates in the time zone of the browser they logged in from. */
  text: Translator;
  /** Who is signed in, and what their role lets them do here: pages show only what they may do. */
  account: { name: string };
  may: May;
}

export function Layout(props: { title: string; children: Child; admin?: AdminFrame }) {
  const text = props.admin?.text ?? useTranslator();
  const brand = pageBrand();
  // The doctype keeps browsers out of quirks mode.
  const page = (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={text.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>
            {props.title} · {brand.name}
          </title>
          <link rel="icon" href={ASSETS.favicon} type="image/svg+xml" />
          <link rel="stylesheet" href={ASSETS.css} />
          {brand.colour !== TANDEM_BRAND.colour && <link rel="stylesheet" href={`/brand/style.css?colour=${brand.colour.slice(1)}`} />}
        </head>
        <body>
          <header>
            <a class="brand" href={props.admin ? '/admin' : '/'}>
              {brand.logoUrl && <img src={brand.logoUrl} alt="" height="32" />}
              {brand === TANDEM_BRAND ? 'TANDEM' : brand.name}
            </a>
            {props.admin && (
              <>
                <nav>
                  <a href="/admin">{text.t('admin.frame.cohorts')}</a>
                  {props.admin.may('create') && <a href="/admin/cohorts/new">{text.t('admin.frame.newCohort')}</a>}
                  {props.admin.may('owner') && <a href="/admin/accounts">{text.t('admin.frame.accounts')}</a>}
                  {props.admin.may('owner') && <a href="/admin/organisation">{text.t('admin.frame.organisation')}</a>}
                  <a href="/admin/account">{props.admin.account.name}</a>
                </nav>
                <form method="post" action="/admin/logout">
                  <input type="hidden" name="_csrf" value={props.admin.csrf} />
                  <button class="secondary" type="submit">
                    {text.t('admin.frame.logOut')}
                  </button>
                </form>
              </>
            )}
          </header>
          <main>
            {props.admin?.systemAlerts.map((alert) => (
              <div class="banner bad" role="alert" data-system-alert={alert.alertKey}>
                <strong>{text.t('admin.frame.operator')}</strong> {alert.message}{' '}
                <span class="muted">{text.t('admin.frame.since', { at: text.instant(alert.firstAt) })}</span>
              </div>
            ))}
            {props.children}
          </main>
          {!props.admin && brand.contact && (
            <footer>
              {text.t('brand.contact', { name: brand.contact.name, email: '' })}
              <a href={`mailto:${brand.contact.email}`}>{brand.contact.email}</a>
            </footer>
          )}
        </body>
      </html>
    </>
  );
  return props.admin ? (
    <Language.Provider value={props.admin.text}>
      <Allowed.Provider value={props.admin.may}>{page}</Allowed.Provider>
    </Language.Provider>
  ) : (
    page
  );
}

/** A whole page that only says something: invalid link, closed survey, error; in the reader's language when given. */
export function MessagePage(props: { title: string; children: Child; text?: Translator }) {
  const page = (
    <Layout title={props.title}>
      <div class="card">
        <h1>{props.title}</h1>
        {props.children}
      </div>
    </Layout>
  );
  return props.text ? <Language.Provider value={props.text}>{page}</Language.Provider> : page;
}
