import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  accountById,
  accountPolicy,
  saveAccountPolicy,
  activeOwnerCount,
  createTicket,
  inviteAccount,
  listAccounts,
  managedCohortIds,
  setAccountStatus,
  updateAccountSettings,
} from '../../db/admin-accounts.js';
import { endSessionsOf } from '../../db/admin-sessions.js';
import { recordAudit } from '../../db/audit-log.js';
import { listCohorts } from '../../db/cohorts.js';
import { accountSettingsSchema, invitationSchema } from '../../domain/account-form.js';
import type { AdminEnv } from '../auth.js';
import type { WebDeps } from '../deps.js';
import { MessagePage } from '../views/Layout.js';
import { checkForm } from '../form-body.js';
import { inWords } from '../views/form.js';
import { AccountPage, AccountsPage } from './AccountsPages.js';

/** An invitation's link works a week; a newer one (sent again) spends it. */
export const INVITATION_MS = 7 * 86_400_000;

const statusFormSchema = z.object({ action: z.enum(['suspend', 'reactivate', 'remove', 'end-sessions']) });
/** A checkbox: present when ticked. */
const policyFormSchema = z.object({ ownersNeedSecondFactor: z.literal('on').optional() });
const STATUS_OF = { suspend: 'suspended', reactivate: 'active', remove: 'removed' } as const;

/**
 * The owner's pages for accounts: who has access and with which role, invitations, suspensions and removals.
 * Each change is in the audit log under the owner's name. The last active owner cannot lose that role.
 */
export function createAccountRoutes({ sql, workflows }: WebDeps) {
  async function load(c: Context<AdminEnv>) {
    const id = c.req.param('accountId')!;
    const account = z.uuid().safeParse(id).success ? await accountById(sql, id) : undefined;
    if (account && account.status !== 'removed') return account;
    const { t } = c.var.admin.text;
    return c.html(
      <MessagePage text={c.var.admin.text} title={t('admin.accounts.notFound')}>
        <p>
          <a href="/admin/accounts">{t('admin.accounts.title')}</a>
        </p>
      </MessagePage>,
      404,
    );
  }

  const audit = (c: Context<AdminEnv>, action: string, subjectId: string, details?: Record<string, string>) =>
    recordAudit(sql, { cohortId: null, accountId: c.var.account.id, action, subjectId, ...(details ? { details } : {}) });

  return new Hono<AdminEnv>()
    .get('/accounts', async (c) =>
      c.html(
        <AccountsPage
          admin={c.var.admin}
          accounts={await listAccounts(sql)}
          policy={await accountPolicy(sql)}
          notice={c.req.query('notice')}
        />,
      ),
    )

    .post('/accounts/policy', async (c) => {
      const form = await checkForm(c, policyFormSchema);
      if (!form.ok) return c.redirect('/admin/accounts', 303);
      await saveAccountPolicy(sql, { ownersNeedSecondFactor: form.data.ownersNeedSecondFactor === 'on' });
      return c.redirect('/admin/accounts?notice=policy', 303);
    })

    .post('/accounts', async (c) => {
      const form = await checkForm(c, invitationSchema);
      const { values } = form;
      const page = async (errors: Record<string, string | undefined>) =>
        c.html(
          <AccountsPage
            admin={c.var.admin}
            accounts={await listAccounts(sql)}
            policy={await accountPolicy(sql)}
            invitation={{ values, errors }}
          />,
          422,
        );
      if (!form.ok) return page(inWords(form.problems, c.var.admin.text));
      const invited = await inviteAccount(sql, form.data, new Date(Date.now() + INVITATION_MS));
      if (!invited.ok) return page({ email: c.var.admin.text.t('admin.accounts.error.exists') });
      await audit(c, 'account invite', invited.accountId, { role: form.data.role });
      await workflows.sendAccountEmail({ ticketId: invited.ticketId, kind: 'invitation' });
      return c.redirect('/admin/accounts?notice=invited', 303);
    })

    .get('/accounts/:accountId', async (c) => {
      const account = await load(c);
      if (account instanceof Response) return account;
      const [cohorts, managed] = await Promise.all([listCohorts(sql), managedCohortIds(sql, account.id)]);
      return c.html(
        <AccountPage admin={c.var.admin} account={account} cohorts={cohorts} managed={managed} notice={c.req.query('notice')} />,
      );
    })

    .post('/accounts/:accountId', async (c) => {
      const account = await load(c);
      if (account instanceof Response) return account;
      const form = await checkForm(c, accountSettingsSchema, { lists: ['cohorts'] });
      const lastOwner = account.role === 'owner' && (!form.ok || form.data.role !== 'owner') && (await activeOwnerCount(sql)) <= 1;
      if (!form.ok || lastOwner) {
        const [cohorts, managed] = await Promise.all([listCohorts(sql), managedCohortIds(sql, account.id)]);
        const problem = c.var.admin.text.t(lastOwner ? 'admin.accounts.error.lastOwner' : 'admin.accounts.error.role');
        return c.html(<AccountPage admin={c.var.admin} account={account} cohorts={cohorts} managed={managed} problem={problem} />, 422);
      }
      await updateAccountSettings(sql, account.id, { ...form.data, limited: form.data.limited === 'on' });
      await audit(c, 'account settings', account.id, { role: form.data.role });
      return c.redirect(`/admin/accounts/${account.id}?notice=saved`, 303);
    })

    .post('/accounts/:accountId/status', async (c) => {
      const account = await load(c);
      if (account instanceof Response) return account;
      const form = await checkForm(c, statusFormSchema);
      const { t } = c.var.admin.text;
      const leavesNoOwner =
        form.ok &&
        form.data.action !== 'reactivate' &&
        form.data.action !== 'end-sessions' &&
        account.role === 'owner' &&
        (await activeOwnerCount(sql)) <= 1;
      if (!form.ok || leavesNoOwner) {
        const [cohorts, managed] = await Promise.all([listCohorts(sql), managedCohortIds(sql, account.id)]);
        const problem = t(leavesNoOwner ? 'admin.accounts.error.lastOwner' : 'admin.accounts.error.action');
        return c.html(<AccountPage admin={c.var.admin} account={account} cohorts={cohorts} managed={managed} problem={problem} />, 422);
      }
      const { action } = form.data;
      if (action === 'end-sessions') {
        await endSessionsOf(sql, account.id, c.var.sessionId);
        return c.redirect(`/admin/accounts/${account.id}?notice=signedOut`, 303);
      }
      await setAccountStatus(sql, account.id, STATUS_OF[action]);
      await audit(c, `account ${STATUS_OF[action]}`, account.id);
      return c.redirect(action === 'remove' ? '/admin/accounts?notice=removed' : `/admin/accounts/${account.id}?notice=${action}`, 303);
    })

    .post('/accounts/:accountId/invitation', async (c) => {
      const account = await load(c);
      if (account instanceof Response) return account;
      if (account.status !== 'invited') return c.redirect(`/admin/accounts/${account.id}`, 303);
      const ticketId = await createTicket(sql, account.id, 'invitation', new Date(Date.now() + INVITATION_MS));
      await audit(c, 'account invite', account.id, { role: account.role });
      await workflows.sendAccountEmail({ ticketId, kind: 'invitation' });
      return c.redirect(`/admin/accounts/${account.id}?notice=invited`, 303);
    });
}
