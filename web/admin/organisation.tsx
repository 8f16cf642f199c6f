import { Hono } from 'hono';
import { getOrganisation, saveOrganisation } from '../../db/organisation.js';
import { LOGO_MAX_BYTES, LOGO_TYPES, organisationSchema, TANDEM_BRAND, type OrganisationSettings } from '../../domain/organisation.js';
import type { MessageKey } from '../../i18n/translator.js';
import type { AdminEnv } from '../auth.js';
import { forgetOrganisation } from '../brand.js';
import type { WebDeps } from '../deps.js';
import { Layout, type AdminFrame } from '../views/Layout.js';
import { ErrorSummary, Field, inWords, invalid, type FieldErrors } from '../views/form.js';
import { checkForm } from '../form-body.js';

type Fields = Record<keyof OrganisationSettings, string>;

/** The organisation's settings: what participants see of it on every page and email. */
export function createOrganisationRoutes({ sql }: WebDeps) {
  return new Hono<AdminEnv>()
    .get('/organisation', async (c) => {
      const saved = await getOrganisation(sql);
      const values: Fields = saved ?? { ...emptyFields(), colour: TANDEM_BRAND.colour };
      return c.html(
        <OrganisationPage
          admin={c.var.admin}
          values={values}
          logo={saved?.logoVersion ?? null}
          saved={c.req.query('notice') === 'saved'}
        />,
      );
    })
    .post('/organisation', async (c) => {
      const { t } = c.var.admin.text;
      const form = await checkForm(c, organisationSchema);
      const fields = { ...emptyFields(), ...form.values } as Fields;
      const errors: FieldErrors = form.ok ? {} : inWords(form.problems, c.var.admin.text);
      const body = await c.req.parseBody(); // the logo, a file
      const file = body.logo instanceof File && body.logo.size > 0 ? body.logo : undefined;
      if (file && !(LOGO_TYPES as readonly string[]).includes(file.type)) errors.logo = t('admin.organisation.error.logoType');
      else if (file && file.size > LOGO_MAX_BYTES) errors.logo = t('admin.organisation.error.logoSize');
      if (!form.ok || errors.logo) {
        const logo = (await getOrganisation(sql))?.logoVersion ?? null;
        return c.html(<OrganisationPage admin={c.var.admin} values={fields} logo={logo} errors={errors} />, 422);
      }
      const logo = file
        ? { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type }
        : body.removeLogo === 'on'
          ? null
          : undefined;
      await saveOrganisation(sql, form.data, logo);
      forgetOrganisation(sql);
      return c.redirect('/admin/organisation?notice=saved', 303);
    });
}

const emptyFields = (): Fields => ({
  name: '',
  colour: '',
  senderName: '',
  senderAddress: '',
  replyTo: '',
  contactName: '',
  contactEmail: '',
});

function OrganisationPage(props: { admin: AdminFrame; values: Fields; logo: string | null; errors?: FieldErrors; saved?: boolean }) {
  const { t } = props.admin.text;
  const errors = props.errors ?? {};
  const text = (name: keyof Fields, type = 'text') => (
    <Field label={t(`admin.organisation.${name}`)} name={name} errors={errors} hint={HINTS[name] && t(HINTS[name])}>
      <input
        id={name}
        name={name}
        type={type}
        value={props.values[name]}
        class={invalid(errors, name)}
        aria-describedby={errors[name] ? `${name}-error` : undefined}
      />
    </Field>
  );
  return (
    <Layout title={t('admin.organisation.title')} admin={props.admin}>
      <h1>{t('admin.organisation.title')}</h1>
      {props.saved && (
        <p class="banner ok" role="status">
          {t('admin.organisation.saved')}
        </p>
      )}
      <ErrorSummary errors={errors} />
      <p class="hint">{t('admin.organisation.hint')}</p>
      <form method="post" action="/admin/organisation" enctype="multipart/form-data" class="card">
        <input type="hidden" name="_csrf" value={props.admin.csrf} />
        {text('name')}
        {text('colour', 'color')}
        <Field label={t('admin.organisation.logo')} name="logo" errors={errors} hint={t('admin.organisation.logo.hint')}>
          {props.logo && (
            <p>
              <img src={`/brand/logo?v=${props.logo}`} alt={t('admin.organisation.logo.current')} height="40" />{' '}
              <label>
                <input type="checkbox" name="removeLogo" /> {t('admin.organisation.logo.remove')}
              </label>
            </p>
          )}
          <input id="logo" name="logo" type="file" accept={LOGO_TYPES.join(',')} class={invalid(errors, 'logo')} />
        </Field>
        {text('contactName')}
        {text('contactEmail', 'email')}
        {text('senderName')}
        {text('senderAddress', 'email')}
        {text('replyTo', 'email')}
        <p>
          <button type="submit">{t('admin.organisation.save')}</button>
        </p>
      </form>
    </Layout>
  );
}

/** The hint beside each field; the contact's address needs none. */
const HINTS: Partial<Record<keyof Fields, MessageKey>> = {
  name: 'admin.organisation.name.hint',
  colour: 'admin.organisation.colour.hint',
  senderName: 'admin.organisation.senderName.hint',
  senderAddress: 'admin.organisation.senderAddress.hint',
  replyTo: 'admin.organisation.replyTo.hint',
  contactName: 'admin.organisation.contactName.hint',
};
