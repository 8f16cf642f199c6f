import { Secret, TOTP } from 'otpauth';

/**
 * The optional second factor of admin accounts: time-based one-time codes (TOTP, RFC 6238) of 6 digits every
 * 30 seconds, as every authenticator app reads them from a QR code. A code is accepted one period early or
 * late (a phone's clock drifts), and once only: its time step is recorded, and no step at or before it counts.
 */
const PERIOD = 30;

export const newSecondFactorSecret = () => new Secret({ size: 20 }).base32;

const totpOf = (secret: string, account = '') =>
  new TOTP({ issuer: 'Tandem', label: account, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });

/** What an authenticator app scans: otpauth://totp/Tandem:claire@...?secret=...&issuer=Tandem */
export const secondFactorUri = (secret: string, account: string) => totpOf(secret, account).toString();

/** The time step the code belongs to, if it is right now (give or take a period); undefined if it is not. */
export function codeStep(secret: string, code: string, now = Date.now()): number | undefined {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = totpOf(secret).validate({ token, timestamp: now, window: 1 });
  return delta === null ? undefined : Math.floor(now / 1000 / PERIOD) + delta;
}

/** The code of now, as an authenticator app shows it (for tests and the set-up page's check). */
export const codeAt = (secret: string, now = Date.now()) => totpOf(secret).generate({ timestamp: now });
