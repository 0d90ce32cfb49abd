import { Logger } from 'nestjs-pino';
import { createApp } from './app.factory.js';
import { InvalidConfigError, loadConfig } from './platform/config/load-config.js';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof InvalidConfigError) {
      console.error(`${error.message}\nSee .env.example and the README for every variable.`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  const app = await createApp(config);
  // SIGTERM/SIGINT (enableShutdownHooks): Fastify stops accepting, in-flight requests finish, then the
  // database and Redis pools close. A stuck request must not hold the process hostage past the timeout.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        console.error(`shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms; exiting`);
        process.exit(1);
      }, config.SHUTDOWN_TIMEOUT_MS).unref();
    });
  }
  await app.listen({ host: config.API_HOST, port: config.API_PORT });
  app.get(Logger).log(`OnTrack API listening on ${await app.getUrl()}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
