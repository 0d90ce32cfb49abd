/**
 * Why a sign-in with a provider was refused: the `error` query parameter of the web sign-in page the callback
 * redirects to (`/sign-in?error=oidc_no_account`), so the page can say what to do next.
 */
export const OIDC_SIGN_IN_ERRORS = [
  /** The user cancelled at the provider (or it refused: `access_denied`). */
  'oidc_denied',
  /** The provider answered with another error, or the code exchange / ID token check failed. */
  'oidc_failed',
  /** The sign-in cookie is missing, expired or from another attempt (state mismatch): start again. */
  'oidc_invalid_state',
  /** The provider did not vouch for the email address (no `email`, or not verified). */
  'oidc_email_unverified',
  /** No OnTrack user has that email: accounts come from invitations. */
  'oidc_no_account',
  /** The user already signed in with another account of this provider; the new one is not linked. */
  'oidc_identity_conflict',
  /** Portal sign-in: the user is not an active member of that business. */
  'oidc_no_membership',
  /** The provider cannot be reached right now. */
  'oidc_unavailable',
] as const;
export type OidcSignInError = (typeof OIDC_SIGN_IN_ERRORS)[number];
