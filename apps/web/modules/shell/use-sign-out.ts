'use client';

import { useState } from 'react';
import { replaceWithFullLoad } from '../auth/navigate-session';
import { useProblemDetail } from '../auth/use-problem-detail';
import { shellApi } from './shell-api';

/** Signing out from a shell: ends the session, then a full load of `to` (the page renders for no one). */
export function useSignOut(to: string) {
  const problemDetail = useProblemDetail();
  const [signingOut, setSigningOut] = useState(false);
  const [failure, setFailure] = useState<string>();

  async function signOut() {
    setSigningOut(true);
    setFailure(undefined);
    const result = await shellApi.signOut();
    // A 401 means the session had ended already: signed out either way.
    if (result.ok || result.problem.status === 401) return replaceWithFullLoad(to);
    setSigningOut(false);
    setFailure(problemDetail(result.problem));
  }

  return { signOut, signingOut, failure };
}
