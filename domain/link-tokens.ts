import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The personal links emailed to participants. A token names one participant, one purpose (scope) and an
 * expiry, signed with the link secret: unguessable without the secret, useless for another purpose, and
 * deterministic, so a retried email carries the very same link.
 */
export type LinkScope =
  'survey' | 'charter' | 'check-in' | 'final-survey' | 'enrolment' | 'new-partner' | 'admin-invitation' | 'password-reset';

export interface LinkClaims {
  scope: LinkScope;
  /**
   * Who the link is for: a participant; for an enrolment link the sign-up waiting for its confirmation; for an
   * admin's invitation or reset, their account.
   */
  participantId: string;
  /** What the link is about: the cohort of a survey link, the pair of a charter link, `pair#round` of a check-in, an admin's ticket. */
  subjectId: string;
  expiresAt: number; // epoch ms
}

export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'wrong-scope' };

export function createLinkSigner(secret: string) {
  const sign = (payload: string) => createHmac('sha256', secret).update(`tandem-link:v1:${payload}`).digest('base64url');

  return {
    sign(claims: LinkClaims): string {
      const payload = Buffer.from(JSON.stringify([claims.scope, claims.participantId, claims.subjectId, claims.expiresAt])).toString(
        'base64url',
      );
      return `${payload}.${sign(payload)}`;
    },

    verify(token: string, scope: LinkScope, now = Date.now()): LinkCheck {
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
      let fields: unknown;
      try {
        fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      if (!Array.isArray(fields) || fields.length !== 4) return { ok: false, reason: 'malformed' };
      const [tokenScope, participantId, subjectId, expiresAt] = fields as [LinkScope, string, string, number];
      if (tokenScope !== scope) return { ok: false, reason: 'wrong-scope' };
      if (now > expiresAt) return { ok: false, reason: 'expired' };
      return { ok: true, claims: { scope: tokenScope, participantId, subjectId, expiresAt } };
    },
  };
}

export type LinkSigner = ReturnType<typeof createLinkSigner>;

/** Links stay valid a month past their deadline, so a late visitor reads "closed", not "expired". */
export const LINK_GRACE_MS = 30 * 86_400_000;
