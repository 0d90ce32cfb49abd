import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';

// The session cookies are HttpOnly, but the server sees them: a browser with neither is sent to sign in
// before any page renders. One with either may still hold an ended session; the shell checks with the API
// (refreshing the access token when only the refresh cookie is left) and redirects then.
const SESSION_COOKIES = ['__Host-ontrack_access', '__Host-ontrack_refresh'];

export async function requireSessionCookie(): Promise<void> {
  const jar = await cookies();
  if (!SESSION_COOKIES.some((name) => jar.has(name))) redirect('/sign-in');
}
