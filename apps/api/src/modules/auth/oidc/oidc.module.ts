import { Module } from '@nestjs/common';
import { OidcController } from './oidc.controller.js';
import { OidcIdentitiesRepository } from './oidc-identities.repository.js';
import { OidcProviders } from './oidc-providers.js';
import { OidcSignInService } from './oidc-sign-in.service.js';

/** Sign-in with Google, Microsoft and configured OpenID Connect issuers (docs/authentication.md). */
@Module({
  controllers: [OidcController],
  providers: [OidcProviders, OidcSignInService, OidcIdentitiesRepository],
})
export class OidcModule {}
