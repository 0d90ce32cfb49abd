import { Module } from '@nestjs/common';
import { AuthMail } from './auth-mail.service.js';
import { TokenSealer } from './auth-secrets.js';

/**
 * The handlers of the authentication emails, on their own so that the worker process (worker.ts) can load
 * them without the HTTP side of authentication.
 */
@Module({ providers: [AuthMail, TokenSealer], exports: [AuthMail, TokenSealer] })
export class AuthMailModule {}
