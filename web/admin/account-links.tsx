import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  activeAccountWithEmail,
  checkTicket,
  createTicket,
  hasRecentTicket,
  setPasswordWithTicket,
  type TicketKind,
} from '../../db/admin-accounts.js';
import { newPasswordSchema } from '../../domain/account-form.js';
import { hashPassword } from '../../domain/password-hash.js';
import { parseTimeZone } from '../../i18n/time-zones.js';
import type { Translator } from '../../i18n/translator.js';
import type { WebDeps } from '../deps.js';
import { checkForm, lastValues, readForm } from '../form-body.js';
import { MessagePage } from '../views/Layout.js';
import { inWords } from '../views/form.js';
import { readerOf } from './login.js';
import { ResetRequestPage, SetPasswordPage } from './AccountLinkPages.js';

/** A reset link works an hour; asking again within five minutes sends nothing more (no inbox flooded by a stranger). */
const RESET_MS = 3_600_000;
const RESET_PAUSE_MS = 5 * 60_000;

const SCOPES = { invitation: 'admin-invitation', 'password-reset': 'password-reset' } as const;
const resetRequestSchema = z.object({ email: z.string().trim().toLowerCase().max(200) });

/**
 * The pages an admin reaches from an email, before they have a session: accepting an invitation (choosing
 * their name and password) and resetting a forgotten password. Each link is signed, names its ticket, works
 * once and expires; using it signs the person in.
 */
export function createAccountLinkRoutes({ sql, links, auth, workflows }: WebDeps) {
  async function ticketOf(c: Context, kind: TicketKind) {
    const text = readerOf(c);
    const link = links.verify(c.req.param('token') ?? '', SCOPES[kind]);
    const ticket = link.ok ? await checkTicket(sql, link.claims.subjectId, kind) : undefined;
    if (link.ok && ticket?.ok && ticket.account.id === link.claims.participantId) return { text, ticketId: link.claims.subjectId, ticket };
    const { t } = text;
    return c.html(
      <MessagePage text={text} title={t('admin.link.invalid.title')}>
        <p>{t(kind === 'invitation' ? 'admin.link.invalid.invitation' : 'admin.link.invalid.reset')}</p>
        <p>
          <a href={kind === 'invitation' ? '/admin/login' : '/admin/reset'}>
            {t(kind === 'invitation' ? 'admin.login.title' : 'admin.reset.again')}
          </a>
        </p>
      </MessagePage>,
      410,
    );
  }

  const setPasswordRoutes = (kind: TicketKind, path: string) =>
    new Hono()
      .get(`${path}/:token`, async (c) => {
        const found = await ticketOf(c, kind);
        if (found instanceof Response) return found;
        return c.html(<SetPasswordPage text={found.text} kind={kind} account={found.ticket.account} action={c.req.path} />);
      })
      .post(`${path}/:token`, async (c) => {
        const found = await ticketOf(c, kind);
        if (found instanceof Response) return found;
        const { account } = found.ticket;
        const typed = lastValues(await readForm(c));
        const name = kind === 'invitation' && typed.name !== undefined ? typed.name.trim() : account.name;
        const form = await checkForm(c, newPasswordSchema({ name, email: account.email }));
        const errors = form.ok ? {} : inWords(form.problems, found.text);
        if (!name || name.length > 120) errors.name = found.text.t('admin.accounts.error.name');
        if (!form.ok || errors.name) {
          const page = <SetPasswordPage text={found.text} kind={kind} account={{ ...account, name }} action={c.req.path} errors={errors} />;
          return c.html(page, 422);
        }
        const done = await setPasswordWithTicket(sql, found.ticketId, kind, {
          passwordHash: await hashPassword(form.data.password),
          name,
        });
        if (!done.ok) return (await ticketOf(c, kind)) as Response; // spent meanwhile (sent twice): the page says so
        const timeZone = form.values.timeZone === undefined ? undefined : parseTimeZone(form.values.timeZone);
        await auth.startSession(c, done.account, timeZone);
        return c.redirect('/admin', 303);
      });

  return new Hono()
    .route('/', setPasswordRoutes('invitation', '/welcome'))
    .route('/', setPasswordRoutes('password-reset', '/reset'))
    .get('/reset', (c) => c.html(<ResetRequestPage text={readerOf(c)} />))
    .post('/reset', async (c) => {
      const text: Translator = readerOf(c);
      const form = await checkForm(c, resetRequestSchema);
      if (!form.ok || !form.data.email) return c.html(<ResetRequestPage text={text} />, 422);
      const account = await activeAccountWithEmail(sql, form.data.email);
      // The same answer whether the address has an account or not: the page tells a stranger nothing.
      if (account && !(await hasRecentTicket(sql, account.id, 'password-reset', RESET_PAUSE_MS))) {
        const ticketId = await createTicket(sql, account.id, 'password-reset', new Date(Date.now() + RESET_MS));
        await workflows.sendAccountEmail({ ticketId, kind: 'password-reset' });
      }
      return c.html(<ResetRequestPage text={text} sent email={form.data.email} />);
    });
}
