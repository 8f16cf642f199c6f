import type { AdminAccount } from '../../domain/admin-roles.js';
import { PASSWORD_MIN_LENGTH } from '../../domain/account-form.js';
import type { Translator } from '../../i18n/translator.js';
import { ASSETS } from '../assets.js';
import { Language } from '../views/language.js';
import { Layout } from '../views/Layout.js';
import { ErrorSummary, Field, fieldState, type FieldErrors } from '../views/form.js';
import { PasswordFields } from './MyAccountPage.js';

/** Where an invited admin chooses their name and password, or anyone who asked for a reset chooses a new one. */
export function SetPasswordPage(props: {
  text: Translator;
  kind: 'invitation' | 'password-reset';
  account: AdminAccount;
  action: string;
  errors?: FieldErrors;
}) {
  const { t } = props.text;
  const errors = props.errors ?? {};
  const invitation = props.kind === 'invitation';
  return (
    <Language.Provider value={props.text}>
      <Layout title={t(invitation ? 'admin.welcome.title' : 'admin.reset.title')}>
        <div class="card narrow">
          <h1>{invitation ? t('admin.welcome.heading', { name: props.account.name }) : t('admin.reset.title')}</h1>
          <ErrorSummary errors={errors} />
          <p>
            {invitation ? t('admin.welcome.body', { role: t(`admin.role.${props.account.role}`) }) : t('admin.reset.body')}{' '}
            {t('admin.password.hint', { min: PASSWORD_MIN_LENGTH })}
          </p>
          <form method="post" action={props.action}>
            <input type="hidden" name="timeZone" value="" data-detect-time-zone />
            <input type="text" name="username" value={props.account.login} autocomplete="username" hidden />
            {invitation && (
              <Field label={t('admin.accounts.name')} name="name" errors={errors}>
                <input id="name" name="name" type="text" value={props.account.name} autocomplete="name" {...fieldState(errors, 'name')} />
              </Field>
            )}
            <PasswordFields admin={props} errors={errors} />
            <p>
              <button type="submit">{t(invitation ? 'admin.welcome.button' : 'admin.reset.button')}</button>
            </p>
          </form>
        </div>
        <script src={ASSETS.timeZone} defer />
      </Layout>
    </Language.Provider>
  );
}

/** "Forgot your password?": the address to send a reset link to; the answer is the same whether it has an account. */
export function ResetRequestPage(props: { text: Translator; sent?: boolean; email?: string }) {
  const { t } = props.text;
  return (
    <Language.Provider value={props.text}>
      <Layout title={t('admin.reset.title')}>
        <div class="card narrow">
          <h1>{t('admin.reset.title')}</h1>
          {props.sent ? (
            <p class="banner ok" role="status">
              {t('admin.reset.sent', { email: props.email ?? '' })}
            </p>
          ) : (
            <p>{t('admin.reset.ask')}</p>
          )}
          <form method="post" action="/admin/reset">
            <label for="email">{t('admin.accounts.email')}</label>
            <input type="email" id="email" name="email" autocomplete="email" value={props.email ?? ''} required />
            <p>
              <button type="submit">{t('admin.reset.send')}</button>
            </p>
          </form>
          <p>
            <a href="/admin/login">{t('admin.login.title')}</a>
          </p>
        </div>
      </Layout>
    </Language.Provider>
  );
}
