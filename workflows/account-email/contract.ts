/** The email of an admin's single-use link (an invitation, a password reset): sent once per ticket. */
export interface AccountEmailInput {
  ticketId: string;
  kind: 'invitation' | 'password-reset';
}

/** One workflow per ticket: the web app starting it twice (a double click, a retried request) sends one email. */
export const accountEmailWorkflowId = (ticketId: string) => `account-email-${ticketId}`;
