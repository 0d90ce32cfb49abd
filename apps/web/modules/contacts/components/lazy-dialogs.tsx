'use client';

import dynamic from 'next/dynamic';
import { useRef, useState } from 'react';

// The dialogs of the contact screens hold most of their code (forms, Radix Dialog, the import report): each is
// loaded when someone is about to open it (pointer over or focus on its button), not with the page, so the
// list and the contact's page stay within the first-load budget (docs/web.md).

const loadNewContact = () => import('./new-contact-dialog');
const loadImport = () => import('./import-dialog');
const loadProperty = () => import('./property-dialog');
const loadConfirm = () => import('../../data/components/confirm-dialog');
const loadEdit = () => import('./contact-edit-form');

export const NewContactDialog = dynamic(loadNewContact);
export const ImportDialog = dynamic(loadImport);
export const PropertyDialog = dynamic(loadProperty);
export const ConfirmDialog = dynamic(loadConfirm);
export const ContactEditForm = dynamic(loadEdit);

export const preload = {
  newContact: () => void loadNewContact(),
  import: () => void loadImport(),
  property: () => void loadProperty(),
  confirm: () => void loadConfirm(),
  edit: () => void loadEdit(),
};

/**
 * A dialog that is mounted once first opened (so it can animate closed) and started afresh on every opening
 * (`key`): a new contact's form is empty again, with a new idempotency key.
 */
export function useLazyDialog() {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(0);
  const triggerRef = useRef<HTMLButtonElement>(null);
  return {
    open,
    mounted: key > 0,
    key,
    triggerRef,
    show: () => {
      setKey((current) => current + 1);
      setOpen(true);
    },
    onOpenChange: setOpen,
    focusTrigger: () => triggerRef.current?.focus(),
  };
}
