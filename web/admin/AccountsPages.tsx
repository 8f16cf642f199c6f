import type { AccountListing, AccountPolicy } from '../../db/admin-accounts.js';
import type { CohortListItem } from '../../db/cohorts.js';
import { ROLES, type AdminAccount } from '../../domain/admin-roles.js';
import { LOCALE_NAMES, LOCALES } from '../../i18n/locales.js';
import type { MessageKey } from '../../i18n/translator.js';
import { Layout, type AdminFrame } from '../views/Layout.js';
import { ErrorSummary, Field, fieldState, type FieldErrors } from '../views/form.js';

const NOTICES: Record<string, MessageKey> = {
  invited: 'admin.accounts.notice.invited',
  saved: 'admin.accounts.notice.saved',
  suspend: 'admin.accounts.notice.suspended',
  reactivate: 'admin.accounts.notice.reactivated',
  removed: 'admin.accounts.notice.removed',
  signedOut: 'admin.accounts.notice.signedOut',
  policy: 'admin.accounts.notice.policy',
};

function Notice({ admin, notice }: { admin: AdminFrame; notice?: string | undefined }) {
  const key = notice ? NOTICES[notice] : undefined;
  return key ? (
    <p class="banner ok" role="status">
      {admin.text.t(key)}
    </p>
  ) : null;
}

/** Who has access: each account's role, the cohorts it manages, its state; and the form that invites someone. */
export function AccountsPage(props: {
  admin: AdminFrame;
  accounts: AccountListing[];
  policy: AccountPolicy;
  notice?: string | undefined;
  invitation?: { values: Record<string, string>; errors: FieldErrors };
}) {
  const { t, instant } = props.admin.text;
  const values = props.invitation?.values ?? {};
  const errors = props.invitation?.errors ?? {};
  return (
    <Layout title={t('admin.accounts.title')} admin={props.admin}>
      <h1>{t('admin.accounts.title')}</h1>
      <Notice admin={props.admin} notice={props.notice} />
      <ErrorSummary errors={errors} />
      <p class="hint">{t('admin.accounts.hint')}</p>
      <div class="scroll">
        <table class="accounts">
          <thead>
            <tr>
              <th>{t('admin.accounts.name')}</th>
              <th>{t('admin.accounts.role')}</th>
              <th>{t('admin.accounts.cohorts')}</th>
              <th>{t('admin.accounts.status')}</th>
              <th>{t('admin.accounts.lastSeen')}</th>
            </tr>
          </thead>
          <tbody>
            {props.accounts.map((a) => (
              <tr data-account={a.login}>
                <td>
                  <a href={`/admin/accounts/${a.id}`}>{a.name}</a>
                  {a.email && <div class="muted">{a.email}</div>}
                </td>
                <td>
                  {t(`admin.role.${a.role}`)}
                  {a.role === 'manager' && a.limited && <div class="muted">{t('admin.accounts.limited.short')}</div>}
                </td>
                <td>{a.cohorts.map((c) => c.name).join(', ') || '—'}</td>
                <td>
                  {t(`admin.accounts.status.${a.status}`)}
                  {a.secondFactor && <div class="muted">{t('admin.accounts.secondFactor')}</div>}
                </td>
                <td>{a.lastSeenAt ? instant(a.lastSeenAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <form method="post" action="/admin/accounts/policy" class="card">
        <input type="hidden" name="_csrf" value={props.admin.csrf} />
        <label class="choice">
          <input type="checkbox" name="ownersNeedSecondFactor" checked={props.policy.ownersNeedSecondFactor} /> {t('admin.accounts.policy')}
        </label>
        <p class="hint">{t('admin.accounts.policy.hint')}</p>
        <button type="submit" class="secondary">
          {t('admin.accounts.policy.save')}
        </button>
      </form>

      <form method="post" action="/admin/accounts" class="card" id="invite">
        <h2>{t('admin.accounts.invite.heading')}</h2>
        <p class="hint">{t('admin.accounts.invite.hint')}</p>
        <input type="hidden" name="_csrf" value={props.admin.csrf} />
        <Field label={t('admin.accounts.name')} name="name" errors={errors}>
          <input id="name" name="name" type="text" value={values.name ?? ''} autocomplete="off" {...fieldState(errors, 'name')} />
        </Field>
        <Field label={t('admin.accounts.email')} name="email" errors={errors}>
          <input id="email" name="email" type="email" value={values.email ?? ''} autocomplete="off" {...fieldState(errors, 'email')} />
        </Field>
        <RoleChoice admin={props.admin} role={values.role ?? 'manager'} limited={values.limited === 'on'} errors={errors} />
        <Field label={t('admin.accounts.language')} name="language" errors={errors}>
          <select id="language" name="language">
            {LOCALES.map((l) => (
              <option value={l} selected={(values.language ?? props.admin.text.locale) === l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </Field>
        <p>
          <button type="submit">{t('admin.accounts.invite.button')}</button>
        </p>
      </form>
    </Layout>
  );
}

/** The role's radio buttons, each saying what it allows, and the manager's limit to the cohorts they manage. */
function RoleChoice(props: { admin: AdminFrame; role: string; limited: boolean; errors: FieldErrors }) {
  const { t } = props.admin.text;
  return (
    <fieldset {...fieldState(props.errors, 'role', 'group')}>
      <legend>{t('admin.accounts.role')}</legend>
      {ROLES.map((role) => (
        <label class="choice">
          <input type="radio" name="role" value={role} checked={props.role === role} id={role === 'owner' ? 'role' : undefined} />{' '}
          <strong>{t(`admin.role.${role}`)}</strong>: {t(`admin.role.${role}.can`)}
        </label>
      ))}
      <label class="choice">
        <input type="checkbox" name="limited" checked={props.limited} /> {t('admin.accounts.limited')}
      </label>
    </fieldset>
  );
}

/** One account: its role and cohorts, and what the owner can do to it (suspend, remove, sign it out everywhere). */
export function AccountPage(props: {
  admin: AdminFrame;
  account: AdminAccount;
  cohorts: CohortListItem[];
  managed: string[];
  notice?: string | undefined;
  problem?: string;
}) {
  const { t } = props.admin.text;
  const { account } = props;
  const action = (name: string, label: MessageKey) => (
    <form method="post" action={`/admin/accounts/${account.id}/status`} class="inline">
      <input type="hidden" name="_csrf" value={props.admin.csrf} />
      <input type="hidden" name="action" value={name} />
      <button type="submit" class="secondary">
        {t(label)}
      </button>
    </form>
  );
  return (
    <Layout title={`${account.name} · ${t('admin.accounts.title')}`} admin={props.admin}>
      <p>
        <a href="/admin/accounts">← {t('admin.accounts.title')}</a>
      </p>
      <h1>{account.name}</h1>
      <p class="muted">
        {account.email ?? account.login} · {t(`admin.accounts.status.${account.status}`)}
      </p>
      <Notice admin={props.admin} notice={props.notice} />
      {props.problem && (
        <div class="banner bad" role="alert">
          {props.problem}
        </div>
      )}
      <form method="post" action={`/admin/accounts/${account.id}`} class="card">
        <input type="hidden" name="_csrf" value={props.admin.csrf} />
        <RoleChoice admin={props.admin} role={account.role} limited={account.limited} errors={{}} />
        <fieldset>
          <legend>{t('admin.accounts.manages')}</legend>
          <p class="hint">{t('admin.accounts.manages.hint')}</p>
          {props.cohorts.map((c) => (
            <label class="choice">
              <input type="checkbox" name="cohorts" value={c.id} checked={props.managed.includes(c.id)} /> {c.name}
            </label>
          ))}
        </fieldset>
        <p>
          <button type="submit">{t('admin.accounts.save')}</button>
        </p>
      </form>
      <div class="card">
        <h2>{t('admin.accounts.access')}</h2>
        {account.status === 'invited' && (
          <form method="post" action={`/admin/accounts/${account.id}/invitation`} class="inline">
            <input type="hidden" name="_csrf" value={props.admin.csrf} />
            <button type="submit" class="secondary">
              {t('admin.accounts.resend')}
            </button>
          </form>
        )}
        {account.status === 'active' && action('end-sessions', 'admin.accounts.endSessions')}
        {account.status === 'active' && action('suspend', 'admin.accounts.suspend')}
        {account.status === 'suspended' && action('reactivate', 'admin.accounts.reactivate')}
        {action('remove', 'admin.accounts.remove')}
        <p class="hint">{t('admin.accounts.access.hint')}</p>
      </div>
    </Layout>
  );
}
