/**
 * The languages the app and its emails are written in. A plain constant (no zod) so the web app's client code
 * can import it without bundling zod.
 */
export const APP_LOCALES = ['en', 'es'] as const;
export type AppLocaleCode = (typeof APP_LOCALES)[number];
