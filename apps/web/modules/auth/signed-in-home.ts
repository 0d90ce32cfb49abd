import { api, settle } from '../data/api-client';
import { belongsInPortal } from '../portal/portal-navigation';

/**
 * Where a fresh sign-in goes: clients to their portal, everyone else to the app. Asked of the API (the
 * caller's scopes in the business the session works in) rather than of the link, which says nothing about it.
 * If the question fails the app is the answer: it sends clients on to the portal itself.
 */
export async function signedInHome(): Promise<'/portal' | '/app'> {
  const access = await settle(() => api.GET('/api/v1/me/access'));
  return access.ok && belongsInPortal(access.data.scopes) ? '/portal' : '/app';
}
