import Provider from 'oidc-provider';
import { freePort } from '../../dev/ports.js';

/** Who the test provider knows: their address is their login; any password is accepted (its own dev login form). */
export type ProviderPeople = Record<string, { name: string; verified?: boolean }>;

export const PROVIDER_CLIENT = { id: 'tandem', secret: 'tandem-test-client-secret' };

/**
 * A real OpenID provider on a loopback port (oidc-provider, a certified implementation), with its development
 * login and consent pages, and one confidential client: Tandem, returning to `redirectUri`.
 */
export async function startOpenIdProvider(redirectUri: string, people: ProviderPeople) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: PROVIDER_CLIENT.id,
        client_secret: PROVIDER_CLIENT.secret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    async findAccount(_ctx, id) {
      const person = people[id] ?? { name: id };
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: id, email_verified: person.verified ?? true, name: person.name }),
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['test-provider-cookie-key-0123456789'] },
    features: { devInteractions: { enabled: true } },
  });
  // Its development pages say so on the console at every start: the tests know.
  provider.on('server_error', (_ctx, error) => console.error(`OpenID provider: ${error.message}`));
  const server = provider.listen(port);
  return {
    issuer,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
