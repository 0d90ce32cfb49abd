import { Controller, Get, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Health, Readiness } from '@ontrack/schemas/health';
import type { FastifyReply } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import { Public } from '../../platform/auth/public.decorator.js';
import { HealthDto, ReadinessDto } from './health.dto.js';
import { HealthService } from './health.service.js';

@ApiTags('health')
@Public()
@Controller({ version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('healthz')
  @ApiOperation({ operationId: 'getHealth', summary: 'Liveness: the process is up and serving requests.' })
  @ZodResponse({ status: 200, type: HealthDto, description: 'The API process is alive.' })
  liveness(): Health {
    return { status: 'ok' };
  }

  @Get('readyz')
  @ApiOperation({
    operationId: 'getReadiness',
    summary: 'Readiness: the database and, when configured, Redis answer. 503 when one does not.',
  })
  @ZodResponse({ status: 200, type: ReadinessDto, description: 'Ready to serve traffic.' })
  @ZodResponse({ status: 503, type: ReadinessDto, description: 'A dependency is down; see `checks`.' })
  async readiness(@Res({ passthrough: true }) reply: FastifyReply): Promise<Readiness> {
    const readiness = await this.health.readiness();
    if (readiness.status !== 'ready') reply.status(503);
    return readiness;
  }
}
