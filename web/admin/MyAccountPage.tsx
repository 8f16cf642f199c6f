import type { SessionListing } from '../../db/admin-sessions.js';
import type { AdminAccount } from '../../domain/admin-roles.js';
import { PASSWORD_MIN_LENGTH } from '../../domain/account-form.js';
import type { MessageKey } from '../../i18n/translator.js';
import { Layout, type AdminFrame } from '../views/Layout.js';
import { ErrorSummary, Field, fieldState, type FieldErrors } from '../views/form.js';
import { browserOf } from './browser-name.js';

const NOTICES: Record<string, MessageKey> = {
  renamed: 'admin.account.notice.renamed',
  password: 'admin.account.notice.password',
  ended: 'admin.account.notice.ended',
};

/** One's own account: name, password, open sessions. */
export function MyAccountPage(props: {
  admin: AdminFrame;
  account: AdminAccount;
  sessions: SessionListing[];
  current: string;
  notice?: string | undefined;
  errors?: FieldErrors;
}) {
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
