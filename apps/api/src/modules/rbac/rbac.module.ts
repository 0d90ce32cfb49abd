import { Module } from '@nestjs/common';
import { MembersController } from './members.controller.js';
import { MembersService } from './members.service.js';
import { RbacRepository } from './rbac.repository.js';
import { RolesController } from './roles.controller.js';
import { RolesService } from './roles.service.js';

/** Roles, the permission catalogue and the people of the business (members and their roles). */
@Module({
  controllers: [RolesController, MembersController],
  providers: [RolesService, MembersService, RbacRepository],
})
export class RbacModule {}
