import * as oidc from 'openid-client';
import type { SsoSettings } from '../domain/config.js';

/** What a sign-in must bring back to be the one this browser started: PKCE, state and nonce, kept in a cookie. */
export interface SsoChecks {
  verifier: string;
  state: string;
  nonce: string;
}

/** Who the provider says signed in. */
export interface SsoIdentity {
  email: string;
  emailVerified: boolean;
  name: string;
}

/**
 * The organisation's OpenID Connect provider, through openid-client (a certified relying party): the
 * authorization code flow with PKCE, state and nonce. Its metadata is read at the first sign-in and kept; a
 * provider that cannot be reached is asked again at the next.
 */
export function createSso(settings: SsoSettings, publicBaseUrl: string) {
  const issuer = new URL(settings.issuer);
  // Plain HTTP only for a provider on this machine (a development or test provider).
  const local = issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
  let configuration: Promise<oidc.Configuration> | undefined;
  const discover = () =>
    (configuration ??= oidc
      .discovery(issuer, settings.clientId, settings.clientSecret, undefined, local ? { execute: [oidc.allowInsecureRequests] } : {})
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      }));
  const redirectUri = `${publicBaseUrl}/admin/sso/callback`;

  return {
    settings,

    /** Where to send the browser, and what its return must match. */
    async start(): Promise<{ url: URL; checks: SsoChecks }> {
      const config = await discover();
      const checks = { verifier: oidc.randomPKCECodeVerifier(), state: oidc.randomState(), nonce: oidc.randomNonce() };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.verifier),
        code_challenge_method: 'S256',
        state: checks.state,
        nonce: checks.nonce,
      });
      return { url, checks };
    },

    /**
     * Exchanges the code the browser brought back (the callback's query string); refuses anything that does
     * not match what it started. The callback's address is ours as the provider knows it, whatever proxy is in between.
     */
    async finish(query: string, checks: SsoChecks): Promise<SsoIdentity> {
      const config = await discover();
      const tokens = await oidc.authorizationCodeGrant(config, new URL(`${redirectUri}${query}`), {
        pkceCodeVerifier: checks.verifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      // Providers that follow the specification strictly give the profile through userinfo, not the ID token.
      const claims = typeof idToken.email === 'string' ? idToken : await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
      const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
      const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email;
      return { email, emailVerified: claims.email_verified === true, name };
    },
  };
}

export type Sso = ReturnType<typeof createSso>;
