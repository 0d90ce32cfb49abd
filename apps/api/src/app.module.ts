import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ZodSerializerInterceptor } from 'nestjs-zod';
import { EmailModule } from './integrations/email/email.module.js';
import { SmsModule } from './integrations/sms/sms.module.js';
import { ActivityModule } from './modules/activity/activity.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { MfaModule } from './modules/auth/mfa/mfa.module.js';
import { OidcModule } from './modules/auth/oidc/oidc.module.js';
import { BackgroundJobsModule } from './modules/background-jobs/background-jobs.module.js';
import { ContactsModule } from './modules/contacts/contacts.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { LeadsModule } from './modules/leads/leads.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { PropertiesModule } from './modules/properties/properties.module.js';
import { RbacModule } from './modules/rbac/rbac.module.js';
import { SupportAccessModule } from './modules/support-access/support-access.module.js';
import { TenantsModule } from './modules/tenants/tenants.module.js';
import { AuthGuard } from './platform/auth/auth.guard.js';
import { ConfigModule } from './platform/config/config.module.js';
import type { AppConfig } from './platform/config/config.schema.js';
import { DatabaseModule } from './platform/db/database.module.js';
import { RequestTransactionInterceptor } from './platform/db/request-transaction.interceptor.js';
import { ProblemDetailsFilter } from './platform/http/problem-details.filter.js';
import { RequestValidationPipe } from './platform/http/request-validation.pipe.js';
import { LoggingModule } from './platform/logging/logging.module.js';
import { OutboxModule } from './platform/outbox/outbox.module.js';
import { PlatformModule } from './platform/platform.module.js';
import { PermissionGuard } from './platform/rbac/permission.guard.js';
import { RedisModule } from './platform/redis/redis.module.js';
import { TenantGuard } from './platform/tenancy/tenant.guard.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, extraModules: Type[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        RedisModule,
        PlatformModule,
        OutboxModule,
        EmailModule,
        SmsModule,
        HealthModule,
        TenantsModule,
        RbacModule,
        ActivityModule,
        SupportAccessModule,
        NotificationsModule,
        ContactsModule,
        BackgroundJobsModule,
        AuthModule,
        OidcModule,
        MfaModule,
        PropertiesModule,
        LeadsModule,
        ...extraModules,
      ],
      providers: [
        // Who (token) → which tenant and may they be there (membership, opens the request transaction) →
        // may they do this (@RequirePermission). Guards run in this order.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: TenantGuard },
        { provide: APP_GUARD, useClass: PermissionGuard },
        { provide: APP_PIPE, useClass: RequestValidationPipe },
        // Outermost: commits after the response passed serialization, rolls back on any error.
        { provide: APP_INTERCEPTOR, useClass: RequestTransactionInterceptor },
        // Responses are checked against their documented schema, so the OpenAPI spec cannot drift from reality.
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
