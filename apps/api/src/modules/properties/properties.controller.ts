import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PropertyManagerView, PropertyView } from '@ontrack/schemas/properties';
import { ZodResponse } from 'nestjs-zod';
import { Idempotent } from '../../platform/http/idempotency.js';
import { IfMatchVersion, Versioned, WithETag } from '../../platform/http/versioning.js';
import { RequirePermission } from '../../platform/rbac/require-permission.decorator.js';
import {
  CreatePropertyDto,
  PropertyDto,
  PropertyIdParamsDto,
  PropertyListQueryDto,
  PropertyManagerListDto,
  PropertyPageDto,
  SetPropertyManagersDto,
  UpdatePropertyDto,
} from './properties.dto.js';
import { PropertiesService } from './properties.service.js';
import { PropertyManagersService } from './property-managers.service.js';

@ApiTags('properties')
@ApiBearerAuth()
@Controller('properties')
export class PropertiesController {
  constructor(
    private readonly properties: PropertiesService,
    private readonly managers: PropertyManagersService,
  ) {}

  @Get()
  @RequirePermission('properties:read')
  @ApiOperation({
    operationId: 'listProperties',
    summary: 'Service addresses, oldest first (the trash: latest deleted first); `q` searches the address.',
  })
  @ZodResponse({ status: 200, type: PropertyPageDto })
  list(@Query() query: PropertyListQueryDto) {
    return this.properties.list(query);
  }

  @Post()
  @RequirePermission('properties:write')
  @Idempotent()
  @WithETag()
  @ApiOperation({
    operationId: 'createProperty',
    summary: 'Add a service address to a contact; it is geocoded afterwards when a geocoder is configured.',
  })
  @ZodResponse({ status: 201, type: PropertyDto })
  create(@Body() input: CreatePropertyDto): Promise<PropertyView> {
    return this.properties.create(input);
  }

  @Get(':id')
  @RequirePermission('properties:read')
  @WithETag()
  @ApiOperation({
    operationId: 'getProperty',
    summary: 'One property; gate code and access notes only with properties:access-notes.',
  })
  @ZodResponse({ status: 200, type: PropertyDto })
  get(@Param() { id }: PropertyIdParamsDto): Promise<PropertyView> {
    return this.properties.get(id);
  }

  @Patch(':id')
  @RequirePermission('properties:write')
  @Versioned()
  @ApiOperation({
    operationId: 'updateProperty',
    summary: 'Change a property; a changed address loses its coordinates until it is geocoded again.',
  })
  @ZodResponse({ status: 200, type: PropertyDto })
  update(
    @Param() { id }: PropertyIdParamsDto,
    @IfMatchVersion() version: number,
    @Body() patch: UpdatePropertyDto,
  ): Promise<PropertyView> {
    return this.properties.update(id, version, patch);
  }

  @Delete(':id')
  @RequirePermission('properties:write')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteProperty', summary: 'Move a property to the trash (restorable).' })
  @ApiNoContentResponse({ description: 'The property is in the trash.' })
  async remove(@Param() { id }: PropertyIdParamsDto): Promise<void> {
    await this.properties.remove(id);
  }

  @Post(':id/restore')
  @RequirePermission('properties:write')
  @HttpCode(200)
  @Idempotent()
  @WithETag()
  @ApiOperation({ operationId: 'restoreProperty', summary: 'Bring a property back from the trash.' })
  @ZodResponse({ status: 200, type: PropertyDto })
  restore(@Param() { id }: PropertyIdParamsDto): Promise<PropertyView> {
    return this.properties.restore(id);
  }

  @Get(':id/managers')
  @RequirePermission('properties:read')
  @ApiOperation({ operationId: 'listPropertyManagers', summary: 'The Property Manager users of a property.' })
  @ZodResponse({ status: 200, type: PropertyManagerListDto })
  listManagers(@Param() { id }: PropertyIdParamsDto): Promise<{ items: PropertyManagerView[] }> {
    return this.managers.list(id);
  }

  @Put(':id/managers')
  @RequirePermission('properties:write')
  @ApiOperation({
    operationId: 'setPropertyManagers',
    summary: 'Replace the Property Manager users of a property (members with a managed_properties role).',
  })
  @ZodResponse({ status: 200, type: PropertyManagerListDto })
  setManagers(
    @Param() { id }: PropertyIdParamsDto,
    @Body() body: SetPropertyManagersDto,
  ): Promise<{ items: PropertyManagerView[] }> {
    return this.managers.set(id, body);
  }
}
