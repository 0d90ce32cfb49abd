import {
  Body,
  Controller,
  createParamDecorator,
  Delete,
  type ExecutionContext,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { ContactView } from '@ontrack/schemas/contacts';
import type { ContactImportReport } from '@ontrack/schemas/contacts-import';
import type { FastifyRequest } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import { BodyLimit } from '../../platform/http/body-limit.js';
import { Idempotent } from '../../platform/http/idempotency.js';
import { IfMatchVersion, Versioned, versionFromIfMatch, WithETag } from '../../platform/http/versioning.js';
import { RequirePermission } from '../../platform/rbac/require-permission.decorator.js';
import { ContactImportService } from './contact-import.service.js';
import {
  ContactCreatedDto,
  ContactDto,
  ContactExportQueryDto,
  ContactImportDto,
  ContactImportReportDto,
  ContactListQueryDto,
  ContactPageDto,
  ContactPathDto,
  CreateContactDto,
  UpdateContactDto,
} from './contacts.dto.js';
import { ContactsService } from './contacts.service.js';

/** If-Match where it is optional (delete, restore): the version when sent, else undefined. */
const OptionalIfMatchVersion = createParamDecorator((_data: unknown, execution: ExecutionContext) => {
  const header = execution.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
  return header === undefined ? undefined : versionFromIfMatch(header);
});

const optionalIfMatch = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The ETag (version) you last read; when sent, a stale one is refused with 412.',
});

// The CSV is limited to 5 MB by its schema; as a JSON string its quotes and line breaks are escaped.
const IMPORT_BODY_LIMIT = 12 * 1024 * 1024;

@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly imports: ContactImportService,
  ) {}

  @Get()
  @RequirePermission('contacts:read')
  @ApiOperation({
    operationId: 'listContacts',
    summary: 'Search and list contacts (or the trash), a page at a time.',
    description:
      '`q` matches names and companies fuzzily ("smyth" finds Smith), emails, phone numbers by their digits, and service addresses.',
  })
  @ZodResponse({ status: 200, type: ContactPageDto })
  list(@Query() query: ContactListQueryDto) {
    return this.contacts.list(query);
  }

  @Get('export')
  @RequirePermission('contacts:export')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="contacts.csv"')
  @ApiOperation({
    operationId: 'exportContacts',
    summary: 'Every contact matching the list’s filters as CSV (logged as a sensitive read).',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'RFC 4180 CSV with a header row; it imports back unchanged.',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  export(@Query() query: ContactExportQueryDto): Promise<string> {
    return this.contacts.export(query);
  }

  @Post()
  @RequirePermission('contacts:write')
  @Idempotent()
  @WithETag()
  @ApiOperation({
    operationId: 'createContact',
    summary: 'Create a contact; contacts with the same email or phone come back as a warning, not a refusal.',
  })
  @ZodResponse({ status: 201, type: ContactCreatedDto })
  create(@Body() body: CreateContactDto) {
    return this.contacts.create(body);
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermission('contacts:write')
  @Idempotent()
  @BodyLimit(IMPORT_BODY_LIMIT)
  @ApiOperation({
    operationId: 'importContacts',
    summary:
      'Import contacts from CSV: a dry run reports every rejected row and duplicate; a real one writes all or nothing.',
  })
  @ZodResponse({ status: 200, type: ContactImportReportDto })
  import(@Body() body: ContactImportDto): Promise<ContactImportReport> {
    return this.imports.import(body);
  }

  @Get(':id')
  @RequirePermission('contacts:read')
  @WithETag()
  @ApiOperation({ operationId: 'getContact', summary: 'One contact (also from the trash); its ETag is its version.' })
  @ZodResponse({ status: 200, type: ContactDto })
  get(@Param() { id }: ContactPathDto): Promise<ContactView> {
    return this.contacts.get(id);
  }

  @Patch(':id')
  @RequirePermission('contacts:write')
  @Versioned()
  @ApiOperation({
    operationId: 'updateContact',
    summary: 'Change the fields sent (If-Match: the version you read; 412 if it changed since, 409 in the trash).',
  })
  @ZodResponse({ status: 200, type: ContactDto })
  update(
    @Param() { id }: ContactPathDto,
    @IfMatchVersion() version: number,
    @Body() patch: UpdateContactDto,
  ): Promise<ContactView> {
    return this.contacts.update(id, version, patch);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('contacts:write')
  @optionalIfMatch
  @ApiOperation({ operationId: 'deleteContact', summary: 'Move a contact to the trash (restorable).' })
  @ApiNoContentResponse({ description: 'The contact is in the trash.' })
  async remove(@Param() { id }: ContactPathDto, @OptionalIfMatchVersion() version?: number): Promise<void> {
    await this.contacts.remove(id, version);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @RequirePermission('contacts:write')
  @Idempotent()
  @WithETag()
  @optionalIfMatch
  @ApiOperation({ operationId: 'restoreContact', summary: 'Take a contact out of the trash.' })
  @ZodResponse({ status: 200, type: ContactDto })
  restore(@Param() { id }: ContactPathDto, @OptionalIfMatchVersion() version?: number): Promise<ContactView> {
    return this.contacts.restore(id, version);
  }
}
