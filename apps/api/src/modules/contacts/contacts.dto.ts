import {
  contactCreatedSchema,
  contactIdParamsSchema,
  contactListQuerySchema,
  contactPageSchema,
  contactSchema,
  createContactBodySchema,
  updateContactBodySchema,
} from '@ontrack/schemas/contacts';
import {
  contactExportQuerySchema,
  contactImportReportSchema,
  contactImportSchema,
} from '@ontrack/schemas/contacts-import';
import { createZodDto } from 'nestjs-zod';

// Phones typed without "+" are read in calling code 1 (US/Canada) until a business records its country;
// createContactSchema(code) is ready for that.
export class CreateContactDto extends createZodDto(createContactBodySchema) {}
export class UpdateContactDto extends createZodDto(updateContactBodySchema) {}
export class ContactDto extends createZodDto(contactSchema) {}
export class ContactCreatedDto extends createZodDto(contactCreatedSchema) {}
export class ContactPageDto extends createZodDto(contactPageSchema) {}
export class ContactListQueryDto extends createZodDto(contactListQuerySchema) {}
export class ContactPathDto extends createZodDto(contactIdParamsSchema) {}
export class ContactExportQueryDto extends createZodDto(contactExportQuerySchema) {}
export class ContactImportDto extends createZodDto(contactImportSchema) {}
export class ContactImportReportDto extends createZodDto(contactImportReportSchema) {}
