import { describe, expect, it } from 'vitest';
import { activePortalKey, belongsInPortal } from './portal-navigation';

describe('portal navigation', () => {
  it('marks the page a path belongs to, home only on its own path', () => {
    expect(activePortalKey('/portal')).toBe('home');
    expect(activePortalKey('/portal/invoices')).toBe('invoices');
    expect(activePortalKey('/portal/invoices/0199')).toBe('invoices');
    expect(activePortalKey('/portal/unknown')).toBeUndefined();
    expect(activePortalKey('/app')).toBeUndefined();
  });

  it('sends only people who are nothing but a client to the portal', () => {
    expect(belongsInPortal(['own_contact'])).toBe(true);
    expect(belongsInPortal(['own_contact', 'tenant'])).toBe(false);
    expect(belongsInPortal(['assigned'])).toBe(false);
    // No role in this business yet: the app shows its empty states rather than a portal with nothing in it.
    expect(belongsInPortal([])).toBe(false);
  });
});
