'use client';

import { useTranslations } from 'next-intl';
import type { ProblemView } from './problem';

/**
 * What to show of a refused request: the API's own `detail` when it sent a problem, otherwise this page's
 * message for the case (no network, a server fault, a bare refusal) in the page's language.
 */
export function useProblemDetail(): (problem: ProblemView) => string {
  const t = useTranslations('problem');
  return (problem) => (problem.fallback ? t(problem.fallback) : problem.detail);
}
