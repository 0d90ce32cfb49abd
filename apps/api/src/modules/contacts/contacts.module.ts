import { Module } from '@nestjs/common';
import { ContactImportService } from './contact-import.service.js';
import { ContactsController } from './contacts.controller.js';
import { ContactsRepository } from './contacts.repository.js';
import { ContactsService } from './contacts.service.js';

/** Contacts: CRUD with search, trash and restore, duplicate warnings, CSV import and export (docs/contacts.md). */
@Module({
  controllers: [ContactsController],
  providers: [ContactsService, ContactImportService, ContactsRepository],
  exports: [ContactsRepository],
})
export class ContactsModule {}
