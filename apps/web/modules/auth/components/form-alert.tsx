import type { ReactNode, Ref } from 'react';

/**
 * A message about the whole form or page (a refused link, too many attempts). `role="alert"` makes screen
 * readers announce it when it appears; `tone="info"` is a polite status instead.
 */
export function FormAlert({
  id,
  tone = 'error',
  title,
  children,
  alertRef,
}: {
  id?: string;
  tone?: 'error' | 'info';
  title?: string;
  children: ReactNode;
  alertRef?: Ref<HTMLDivElement>;
}) {
  const border = tone === 'error' ? 'border-red-700 dark:border-red-300' : 'border-accent';
  return (
    <div
      id={id}
      ref={alertRef}
      tabIndex={-1}
      role={tone === 'error' ? 'alert' : 'status'}
      className={`rounded-md border-l-4 ${border} bg-background p-4 focus-visible:outline-none`}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      <div className={title ? 'mt-1' : undefined}>{children}</div>
    </div>
  );
}
