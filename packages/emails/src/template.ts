import type { ReactElement } from 'react';
import type { Brand } from './brand.js';
import type { Formatters } from './format.js';
import type { EmailLanguage } from './schemas.js';

/** Everything a template may use besides its own data; built once per render by renderEmail. */
export interface RenderContext {
  language: EmailLanguage;
  /** The full tag (es-MX) used for numbers and dates. */
  locale: string;
  tenantName: string;
  brand: Brand;
  format: Formatters;
}

/** A template's part of an email; the shared layout (branding, footer, lang) wraps `content`. */
export interface BuiltEmail {
  subject: string;
  /** Inbox preview line (hidden in the body). */
  preview: string;
  heading: string;
  content: ReactElement;
}

export interface EmailTemplate<Data> {
  build(data: Data, context: RenderContext): BuiltEmail;
}

/** One message catalogue per template: the same keys, typed, in every language. */
export type Catalogue<Messages> = Readonly<Record<EmailLanguage, Messages>>;
