'use client';

import type { OidcProvider, OidcSignInError } from '@ontrack/schemas/auth-oidc';
import { Button, buttonClassName } from '@ontrack/ui/button';
import { useRouter } from 'next/navigation';
import { type FormEvent, useRef, useState } from 'react';
import { authApi, oidcStartUrl } from '../auth-api';
import { AuthCard } from '../components/auth-card';
import { FormAlert } from '../components/form-alert';
import { TextField } from '../components/text-field';
import type { ProblemView } from '../problem';

const text = {
  title: 'Sign in to OnTrack',
  intro: 'Enter your work email address and we will send you a link to sign in. No password needed.',
  emailLabel: 'Email address',
  emailHint: 'The address your business invited you with.',
  submit: 'Email me a sign-in link',
  submitting: 'Sending…',
  emailMissing: 'Enter your email address.',
  emailInvalid: 'Enter a valid email address, like name@company.com.',
  providersHeading: 'Or sign in with',
  providerButton: (name: string) => `Continue with ${name}`,
  refusedTitle: 'You are not signed in',
  failedTitle: 'The link could not be sent',
} as const;

/** What each refusal of a single sign-on attempt (`/sign-in?error=…`) means for the person reading it. */
export const OIDC_ERROR_MESSAGES: Record<OidcSignInError, string> = {
  oidc_denied: 'The sign-in was cancelled at the provider. Try again, or use your email address below.',
  oidc_failed: 'The provider could not confirm who you are. Try again, or use your email address below.',
  oidc_invalid_state:
    'That sign-in attempt expired or was started in another tab. Start again from this page (one attempt at a time).',
  oidc_email_unverified:
    'The provider did not confirm your email address. Verify it with the provider, or use your email address below.',
  oidc_no_account:
    'No OnTrack account uses that email address. Accounts are created by invitation: ask your business to invite you.',
  oidc_identity_conflict:
    'Your OnTrack account is already linked to another account of this provider. Sign in with that one, or use your email address below.',
  oidc_no_membership: 'You are not a member of this business’s portal. Ask the business to invite you.',
  oidc_unavailable: 'The provider cannot be reached right now. Try again in a moment, or use your email address.',
};

export function oidcErrorMessage(code: string | undefined): string | undefined {
  if (!code || !Object.hasOwn(OIDC_ERROR_MESSAGES, code)) return undefined;
  return OIDC_ERROR_MESSAGES[code as OidcSignInError];
}

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

export function SignInView({ providers, errorCode }: { providers: OidcProvider[]; errorCode: string | undefined }) {
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string>();
  const [problem, setProblem] = useState<ProblemView>();
  const [sending, setSending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const refusal = oidcErrorMessage(errorCode);

  function refuseEmail(message: string) {
    setEmailError(message);
    emailRef.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(undefined);
    const address = email.trim();
    if (!address) return refuseEmail(text.emailMissing);
    if (!looksLikeEmail(address)) return refuseEmail(text.emailInvalid);
    setEmailError(undefined);
    setSending(true);
    const result = await authApi.requestMagicLink(address);
    if (result.ok) {
      router.push(`/sign-in/check-email?email=${encodeURIComponent(address)}`);
      return;
    }
    setSending(false);
    if (result.problem.fieldErrors.email) return refuseEmail(text.emailInvalid);
    setProblem(result.problem);
    // After the re-render: the alert exists only now.
    requestAnimationFrame(() => alertRef.current?.focus());
  }

  return (
    <AuthCard title={text.title}>
      {refusal ? <FormAlert title={text.refusedTitle}>{refusal}</FormAlert> : null}
      <p className="text-muted-foreground">{text.intro}</p>
      {problem ? (
        <FormAlert alertRef={alertRef} title={text.failedTitle}>
          {problem.detail}
        </FormAlert>
      ) : null}
      <form noValidate onSubmit={submit} className="space-y-4">
        <TextField
          id="email"
          name="email"
          type="email"
          label={text.emailLabel}
          hint={text.emailHint}
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={emailError}
          inputRef={emailRef}
        />
        <Button type="submit" size="lg" className="w-full" disabled={sending}>
          {sending ? text.submitting : text.submit}
        </Button>
      </form>
      {providers.length > 0 ? (
        <section aria-labelledby="providers-heading" className="border-t border-border pt-4">
          <h2 id="providers-heading" className="font-semibold">
            {text.providersHeading}
          </h2>
          <ul className="mt-3 space-y-2">
            {providers.map((provider) => (
              <li key={provider.id}>
                {/* A navigation, not a fetch: the API answers with a redirect to the provider. */}
                <a
                  href={oidcStartUrl(provider.id)}
                  className={buttonClassName({ variant: 'secondary', className: 'w-full' })}
                >
                  {text.providerButton(provider.name)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </AuthCard>
  );
}
