import type messages from '../messages/en';
import type { AppLocale } from './locales';

// Typed messages: a key missing from messages/en/*.json, or a wrong argument, is a type error
// (messages/es/ is held to the same keys by i18n/messages.spec.ts).
declare module 'next-intl' {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof messages;
  }
}
