import type { ReactNode } from 'react';
import { QueryProvider } from '../../modules/data/query-provider';
import { PortalShell } from '../../modules/portal/components/portal-shell';
import { ShellProvider } from '../../modules/shell/shell-context';

// The client portal: the same session and data layer as the staff app, its own frame. Each page checks the
// session cookie; the API decides what a client may read (their own contact's records only).
export default function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <QueryProvider>
      <ShellProvider>
        <PortalShell>{children}</PortalShell>
      </ShellProvider>
    </QueryProvider>
  );
}
