import { Global, Module } from '@nestjs/common';
import { AuthMailModule } from './auth-mail.module.js';
import { CsrfProtection } from './csrf.hook.js';
import { InvitationAcceptanceController, InvitationsController } from './invitations.controller.js';
import { InvitationsRepository } from './invitations.repository.js';
import { InvitationsService } from './invitations.service.js';
import { MagicLinkController } from './magic-link.controller.js';
import { MagicLinkRepository } from './magic-link.repository.js';
import { MagicLinkService } from './magic-link.service.js';
import { SessionController } from './session.controller.js';
import { SessionService } from './session.service.js';
import { SessionDevices } from './session-devices.service.js';
import { SessionsRepository } from './sessions.repository.js';

/**
 * Sign-in and sessions: magic links, refresh and sign-out, the device list, invitations, CSRF. Global so the
 * OIDC and MFA modules (and anything else that signs people in) can inject SessionService.
 */
@Global()
@Module({
  imports: [AuthMailModule],
  controllers: [MagicLinkController, SessionController, InvitationsController, InvitationAcceptanceController],
  providers: [
    SessionsRepository,
    SessionService,
    SessionDevices,
    MagicLinkRepository,
    MagicLinkService,
    InvitationsRepository,
    InvitationsService,
    CsrfProtection,
  ],
  exports: [SessionService, AuthMailModule],
})
export class AuthModule {}
