import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Adapter, type AdapterPayload, type Configuration } from 'oidc-provider';

/** The claims an account of the test issuer reports (besides `sub`, its id). */
export interface TestAccountClaims {
  email?: string;
  email_verified?: boolean;
  name?: string;
  [claim: string]: unknown;
}

export interface TestIssuer {
  /** `http://127.0.0.1:<port>`: the issuer identifier and discovery base. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Creates or replaces an account (its id is the `sub`). */
  setAccount(sub: string, claims: TestAccountClaims): void;
  /** The account the next login interaction signs in, as if the user typed its password. */
  loginAs(sub: string): void;
  close(): Promise<void>;
}

export interface TestIssuerOptions {
  /** The relying party's callback, registered as the client's only redirect URI. */
  redirectUri: string;
  /**
   * OIDC Core §5.4: with the default (true), profile and email claims are in UserInfo only. false puts them
   * in the ID token too, as Google and Microsoft do.
   */
  conformIdTokenClaims?: boolean;
}

/**
 * A real OpenID Provider (`oidc-provider`, the certified implementation) on 127.0.0.1 over plain http, for
 * the sign-in tests. Its login and consent interactions complete by themselves (no HTML form to fill): login
 * signs in the account chosen with `loginAs`, consent grants what the client asked for. Everything else —
 * PKCE (required), state, nonce, code exchange, signed ID tokens — is the provider's own behaviour.
 */
export async function startTestIssuer(options: TestIssuerOptions): Promise<TestIssuer> {
  const accounts = new Map<string, TestAccountClaims>();
  let nextLogin: string | undefined;
  let provider: Provider | undefined;

  const server: Server = createServer((request, response) => {
    if (!provider) {
      response.writeHead(503).end();
      return;
    }
    if (request.url?.startsWith('/interaction/')) {
      interact(provider, request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
      return;
    }
    provider.callback()(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const clientId = 'ontrack-test';
  const clientSecret = 'ontrack-test-client-secret-0123456789';
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: options.conformIdTokenClaims ?? false,
    findAccount: (_ctx, id) => {
      const claims = accounts.get(id);
      if (!claims) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...claims }) };
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    cookies: { keys: ['ontrack-test-issuer-cookie-key'] },
    adapter: memoryAdapter(),
    ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    // Keys are generated per run; the default development keys would log a warning.
    jwks: { keys: [await generateSigningJwk()] },
  };
  provider = new Provider(issuer, configuration);

  async function interact(op: Provider, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const details = await op.interactionDetails(request, response);
    if (details.prompt.name === 'login') {
      if (!nextLogin) throw new Error('the test did not say which account logs in (loginAs)');
      await op.interactionFinished(request, response, { login: { accountId: nextLogin } });
      return;
    }
    const accountId = details.session?.accountId;
    const clientId = details.params.client_id;
    if (!accountId || typeof clientId !== 'string') throw new Error('consent without a signed-in account');
    const grant = details.grantId
      ? await op.Grant.find(details.grantId)
      : new op.Grant({ accountId, clientId: clientId });
    if (!grant) throw new Error('the interaction names an unknown grant');
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    await op.interactionFinished(request, response, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  return {
    issuer,
    clientId,
    clientSecret,
    setAccount: (sub, claims) => accounts.set(sub, claims),
    loginAs: (sub) => {
      nextLogin = sub;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

type Payload = AdapterPayload;

/** The provider's state in this process's memory; passing our own adapter also keeps its start-up warning quiet. */
function memoryAdapter() {
  const store = new Map<string, Payload>();
  return class MemoryAdapter implements Adapter {
    constructor(private readonly model: string) {}

    private key(id: string): string {
      return `${this.model}:${id}`;
    }

    async upsert(id: string, payload: Payload): Promise<void> {
      store.set(this.key(id), payload);
    }

    async find(id: string): Promise<Payload | undefined> {
      return store.get(this.key(id));
    }

    async findByUserCode(userCode: string): Promise<Payload | undefined> {
      return [...store.values()].find((payload) => payload.userCode === userCode);
    }

    async findByUid(uid: string): Promise<Payload | undefined> {
      return [...store.entries()].find(
        ([key, payload]) => key.startsWith(`${this.model}:`) && payload.uid === uid,
      )?.[1];
    }

    async consume(id: string): Promise<void> {
      const payload = store.get(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      store.delete(this.key(id));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const [key, payload] of store) if (payload.grantId === grantId) store.delete(key);
    }
  };
}

async function generateSigningJwk() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test-1' };
}
