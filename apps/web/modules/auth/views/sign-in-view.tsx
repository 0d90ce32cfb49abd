'use client';

import type { OidcProvider } from '@ontrack/schemas/auth-oidc';
// The zod-free module: importing the constant from auth-oidc would bundle zod into the sign-in page.
import { OIDC_SIGN_IN_ERRORS, type OidcSignInError } from '@ontrack/schemas/auth-oidc-errors';
import { Button, buttonClassName } from '@ontrack/ui/button';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { authApi, oidcStartUrl } from '../auth-api';
import { AuthCard } from '../components/auth-card';
import { FormAlert } from '../components/form-alert';
import { TextField } from '../components/text-field';
import type { ProblemView } from '../problem';
import { useProblemDetail } from '../use-problem-detail';

/** The refusal of a single sign-on attempt (`/sign-in?error=…`) that this page explains, if it is one. */
export function oidcErrorCode(code: string | undefined): OidcSignInError | undefined {
  return code && (OIDC_SIGN_IN_ERRORS as readonly string[]).includes(code) ? (code as OidcSignInError) : undefined;
}

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** The business whose client portal is signing in (`/portal/{slug}/sign-in`); absent on the staff sign-in. */
export interface PortalBusiness {
  slug: string;
  name: string;
}

export function SignInView({
  providers,
  errorCode,
  portal,
}: {
  providers: OidcProvider[];
  errorCode: string | undefined;
  portal?: PortalBusiness;
}) {
  const t = useTranslations('auth.signIn');
  const tPortal = useTranslations('portal.signIn');
  const problemDetail = useProblemDetail();
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string>();
  const [problem, setProblem] = useState<ProblemView>();
  const [sending, setSending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const refusedCode = oidcErrorCode(errorCode);
  const refusal = refusedCode ? t(`oidcErrors.${refusedCode}`) : undefined;

  function refuseEmail(message: string) {
    setEmailError(message);
    emailRef.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(undefined);
    const address = email.trim();
    if (!address) return refuseEmail(t('emailMissing'));
    if (!looksLikeEmail(address)) return refuseEmail(t('emailInvalid'));
    setEmailError(undefined);
    setSending(true);
    const result = await authApi.requestMagicLink(address, portal?.slug);
    if (result.ok) {
      const portalQuery = portal ? `&portal=${encodeURIComponent(portal.slug)}` : '';
      router.push(`/sign-in/check-email?email=${encodeURIComponent(address)}${portalQuery}`);
      return;
    }
    setSending(false);
    if (result.problem.fieldErrors.email) return refuseEmail(t('emailInvalid'));
    setProblem(result.problem);
  }

  // The alert exists only once React has committed it: focus it then (a frame callback can run before the
  // commit on a busy device, and the alert would appear without being announced as focused).
  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);

  return (
    <AuthCard title={portal ? tPortal('title', { business: portal.name }) : t('title')}>
      {refusal ? <FormAlert title={t('refusedTitle')}>{refusal}</FormAlert> : null}
      <p className="text-muted-foreground">{portal ? tPortal('intro', { business: portal.name }) : t('intro')}</p>
      {problem ? (
        <FormAlert alertRef={alertRef} title={t('failedTitle')}>
          {problemDetail(problem)}
        </FormAlert>
      ) : null}
      <form noValidate onSubmit={submit} className="space-y-4">
        <TextField
          id="email"
          name="email"
          type="email"
          label={t('emailLabel')}
          hint={t('emailHint')}
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
          {sending ? t('submitting') : t('submit')}
        </Button>
      </form>
      {providers.length > 0 ? (
        <section aria-labelledby="providers-heading" className="border-t border-border pt-4">
          <h2 id="providers-heading" className="font-semibold">
            {t('providersHeading')}
          </h2>
          <ul className="mt-3 space-y-2">
            {providers.map((provider) => (
              <li key={provider.id}>
                {/* A navigation, not a fetch: the API answers with a redirect to the provider. */}
                <a
                  href={oidcStartUrl(provider.id)}
                  className={buttonClassName({ variant: 'secondary', className: 'w-full' })}
                >
                  {t('providerButton', { name: provider.name })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </AuthCard>
  );
}
