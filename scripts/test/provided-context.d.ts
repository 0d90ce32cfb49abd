// What scripts/test/database.global-setup.ts hands to the medium and e2e-api tests through `inject()`.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Owner URL of this run's fresh database (migrations, fixtures that need to bypass the app role). */
    ownerDatabaseUrl: string;
    /** The same database as the application role `ontrack_app`: what the API uses, so RLS really applies. */
    appDatabaseUrl: string;
  }
}
