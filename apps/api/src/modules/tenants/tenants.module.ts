import { Module } from '@nestjs/common';
import { PublicBusinessController } from './public-business.controller.js';
import { TenantsController } from './tenants.controller.js';
import { TenantsRepository } from './tenants.repository.js';
import { TenantsService } from './tenants.service.js';

@Module({
  controllers: [TenantsController, PublicBusinessController],
  providers: [TenantsService, TenantsRepository],
})
export class TenantsModule {}
