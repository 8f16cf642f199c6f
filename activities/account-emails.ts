import { checkTicket } from '../db/admin-accounts.js';
import { getOrganisation } from '../db/organisation.js';
import type { Sql } from '../db/sql.js';
import { parseLocale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import type { LinkSigner } from '../domain/link-tokens.js';
import type { AccountEmailInput } from '../workflows/account-email/contract.js';
import { NOTIFICATIONS } from './notifications/catalogue.js';
import type { Delivery, Notifier } from './notifications/notify.js';

/** Where each ticket's link leads. */
export const ACCOUNT_LINK_PATHS = { invitation: '/admin/welcome', 'password-reset': '/admin/reset' } as const;

/** The emails of admins' single-use links; the link is signed for the ticket, so a retry sends the very same one. */
export function createAccountEmailActivities(deps: { sql: Sql; notifier: Notifier; links: LinkSigner; publicBaseUrl: string }) {
  return {
    async sendAccountEmail({ ticketId, kind }: AccountEmailInput): Promise<Delivery | 'spent'> {
      const ticket = await checkTicket(deps.sql, ticketId, kind);
      const email = ticket.ok ? ticket.account.email : null;
      if (!ticket.ok || !email) return 'spent';
      const { account } = ticket;
      const locale = parseLocale(account.language) ?? 'en';
      const text = translator(locale);
      const token = deps.links.sign({
        scope: kind === 'invitation' ? 'admin-invitation' : 'password-reset',
        participantId: account.id,
        subjectId: ticketId,
        expiresAt: ticket.expiresAt.getTime(),
      });
      const organisation = (await getOrganisation(deps.sql))?.name ?? 'Tandem';
      return deps.notifier.notify(kind === 'invitation' ? NOTIFICATIONS.adminInvitation : NOTIFICATIONS.passwordReset, {
        cohortId: null,
        to: { name: account.name, email, accountId: account.id },
        says: {
          locale,
          name: account.name,
          kind,
          role: text.t(`admin.role.${account.role}`),
          link: { url: `${deps.publicBaseUrl}${ACCOUNT_LINK_PATHS[kind]}/${token}`, validUntil: text.instant(ticket.expiresAt) },
          ticketId,
          organisation,
        },
      });
    },
  };
}
