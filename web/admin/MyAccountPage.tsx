import { raw } from 'hono/html';
import type { SessionListing } from '../../db/admin-sessions.js';
import type { AdminAccount } from '../../domain/admin-roles.js';
import { PASSWORD_MIN_LENGTH } from '../../domain/account-form.js';
import type { MessageKey } from '../../i18n/translator.js';
import { Layout, type AdminFrame } from '../views/Layout.js';
import { ErrorSummary, Field, fieldState, type FieldErrors } from '../views/form.js';
import { browserOf } from './browser-name.js';

const NOTICES: Record<string, MessageKey> = {
  secondFactorOn: 'admin.account.notice.secondFactorOn',
  secondFactorOff: 'admin.account.notice.secondFactorOff',
  secondFactorRequired: 'admin.account.notice.secondFactorRequired',
  renamed: 'admin.account.notice.renamed',
  password: 'admin.account.notice.password',
  ended: 'admin.account.notice.ended',
};

export type MyAccountPageProps = {
  admin: AdminFrame;
  account: AdminAccount;
  sessions: SessionListing[];
  current: string;
  notice?: string | undefined;
  errors?: FieldErrors;
  /** A new second factor being set up: its key, as text and as a QR code (SVG). */
  setUp?: { secret: string; qrCode: string } | undefined;
};

/** One's own account: name, password, open sessions. */
export function MyAccountPage(props: MyAccountPageProps) {
  const { t, instant } = props.admin.text;
  const { account } = props;
  const errors = props.errors ?? {};
  const notice = props.notice ? NOTICES[props.notice] : undefined;
  return (
    <Layout title={t('admin.account.title')} admin={props.admin}>
      <h1>{t('admin.account.title')}</h1>
      <p class="muted">
        {account.email ?? account.login} · {t(`admin.role.${account.role}`)}
      </p>
      {notice && (
        <p class="banner ok" role="status">
          {t(notice)}
        </p>
      )}
      <ErrorSummary errors={errors} />
      {/* While it is being set up, the second factor comes first: the page opens on the code to scan. */}
      {props.setUp && <SecondFactorCard {...props} errors={errors} />}
      <form method="post" action="/admin/account/name" class="card">
        <input type="hidden" name="_csrf" value={props.admin.csrf} />
        <Field label={t('admin.accounts.name')} name="name" errors={errors}>
          <input id="name" name="name" type="text" value={account.name} autocomplete="name" {...fieldState(errors, 'name')} />
        </Field>
        <p>
          <button type="submit">{t('admin.account.rename')}</button>
        </p>
      </form>
      <form method="post" action="/admin/account/password" class="card">
        <h2>{t('admin.account.password')}</h2>
        <p class="hint">{t('admin.password.hint', { min: PASSWORD_MIN_LENGTH })}</p>
        <input type="hidden" name="_csrf" value={props.admin.csrf} />
        <input type="text" name="username" value={account.login} autocomplete="username" hidden />
        <Field label={t('admin.account.currentPassword')} name="current" errors={errors}>
          <input id="current" name="current" type="password" autocomplete="current-password" {...fieldState(errors, 'current')} />
        </Field>
        <PasswordFields admin={props.admin} errors={errors} />
        <p>
          <button type="submit">{t('admin.account.changePassword')}</button>
        </p>
      </form>
      {!props.setUp && <SecondFactorCard {...props} errors={errors} />}
      <div class="card">
        <h2>{t('admin.account.sessions')}</h2>
        <p class="hint">{t('admin.account.sessions.hint')}</p>
        <ul class="sessions">
          {props.sessions.map((s) => (
            <li data-session={s.handle === props.current ? 'current' : 'other'}>
              <strong>{browserOf(s.userAgent) ?? t('admin.account.unknownBrowser')}</strong>
              {s.address && ` · ${s.address}`}
              {s.handle === props.current && ` · ${t('admin.account.thisBrowser')}`}
              <div class="muted">{t('admin.account.sessionTimes', { since: instant(s.createdAt), last: instant(s.lastSeenAt) })}</div>
              <form method="post" action={`/admin/account/sessions/${s.handle}/end`} class="inline">
                <input type="hidden" name="_csrf" value={props.admin.csrf} />
                <button type="submit" class="secondary">
                  {t(s.handle === props.current ? 'admin.frame.logOut' : 'admin.account.endSession')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  );
}

/** The second factor: set it up (scan, then confirm with a code), or remove it (with a code). */
function SecondFactorCard(props: {
  admin: AdminFrame;
  account: AdminAccount;
  errors: FieldErrors;
  setUp?: { secret: string; qrCode: string } | undefined;
}) {
  const { t } = props.admin.text;
  const { errors } = props;
  const codeField = (
    <Field label={t('admin.login.code')} name="code" errors={errors}>
      <input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" {...fieldState(errors, 'code')} />
    </Field>
  );
  return (
    <form method="post" action="/admin/account/second-factor" class="card" id="second-factor">
      <h2>{t('admin.account.secondFactor')}</h2>
      <input type="hidden" name="_csrf" value={props.admin.csrf} />
      {props.setUp ? (
        <>
          <p>{t('admin.account.secondFactor.scan')}</p>
          <figure class="qr">{raw(props.setUp.qrCode)}</figure>
          <p class="hint">
            {t('admin.account.secondFactor.key')} <code>{props.setUp.secret.match(/.{4}/g)!.join(' ')}</code>
          </p>
          <input type="hidden" name="secret" value={props.setUp.secret} />
          {codeField}
          <button type="submit" name="action" value="confirm">
            {t('admin.account.secondFactor.confirm')}
          </button>
        </>
      ) : props.account.secondFactor ? (
        <>
          <p data-second-factor="on">{t('admin.account.secondFactor.on')}</p>
          {codeField}
          <button type="submit" name="action" value="remove" class="secondary">
            {t('admin.account.secondFactor.remove')}
          </button>
        </>
      ) : (
        <>
          <p data-second-factor="off">{t('admin.account.secondFactor.off')}</p>
          <button type="submit" name="action" value="start" class="secondary">
            {t('admin.account.secondFactor.start')}
          </button>
        </>
      )}
    </form>
  );
}

/** A new password twice; browsers offer to generate one. */
export function PasswordFields({ admin, errors }: { admin: { text: AdminFrame['text'] }; errors: FieldErrors }) {
  const { t } = admin.text;
  return (
    <>
      <Field label={t('admin.password.new')} name="password" errors={errors}>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="new-password"
          minlength={12}
          {...fieldState(errors, 'password')}
        />
      </Field>
      <Field label={t('admin.password.confirm')} name="confirm" errors={errors}>
        <input id="confirm" name="confirm" type="password" autocomplete="new-password" {...fieldState(errors, 'confirm')} />
      </Field>
    </>
  );
}
