import { Global, Module } from '@nestjs/common';
import { OutboxService } from './outbox.service.js';
import { OutboxWorkers } from './outbox-workers.js';

@Global()
@Module({ providers: [OutboxService, OutboxWorkers], exports: [OutboxService] })
export class OutboxModule {}
