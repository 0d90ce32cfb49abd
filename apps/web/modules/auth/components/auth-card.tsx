import type { ReactNode, Ref } from 'react';

/** The sign-in screens' card: one heading per page, focusable so a step change can move focus to it. */
export function AuthCard({
  title,
  headingRef,
  children,
}: {
  title: string;
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto w-full max-w-md rounded-lg border border-border bg-surface p-6 shadow-sm sm:p-8">
      <h1
        ref={headingRef}
        tabIndex={-1}
        className="text-balance text-2xl font-bold tracking-tight focus-visible:outline-none sm:text-3xl"
      >
        {title}
      </h1>
      <div className="mt-4 space-y-4">{children}</div>
    </div>
  );
}
