import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/config.schema.js';
import { APP_CONFIG } from '../config/load-config.js';

/**
 * pino JSON logs; every line written during a request carries its `reqId` (nestjs-pino keeps it in
 * AsyncLocalStorage). The id itself is Fastify's (see requestIdFor), which pino-http picks up from the request.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          customAttributeKeys: { reqId: 'reqId' },
          // Liveness probes every few seconds would drown the log.
          autoLogging: { ignore: (request) => request.url === '/api/healthz' },
          redact: {
            paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            censor: '[redacted]',
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
