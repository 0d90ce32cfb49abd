import type { ReactNode } from 'react';
import { QueryProvider } from '../../modules/data/query-provider';
import { AppShell } from '../../modules/shell/components/app-shell';
import { ShellProvider } from '../../modules/shell/shell-context';

// Access is checked by each page (cookies) and by the API (permissions), never here: a layout is not
// re-rendered on client-side navigation, so a check here would not run for every page.
export default function SignedInLayout({ children }: { children: ReactNode }) {
  return (
    <QueryProvider>
      <ShellProvider>
        <AppShell>{children}</AppShell>
      </ShellProvider>
    </QueryProvider>
  );
}
