import { Injectable } from '@nestjs/common';
import type { AuditVerifyResult } from '@ontrack/schemas/activity';
import { ActivityRecorder } from '../../platform/activity/activity-recorder.js';
import { requestContext } from '../../platform/request-context/request-context.js';
import { ActivityRepository } from './activity.repository.js';
import { AuditKeys } from './audit-keys.js';

@Injectable()
export class AuditService {
  constructor(
    private readonly activity: ActivityRepository,
    private readonly recorder: ActivityRecorder,
    private readonly keys: AuditKeys,
  ) {}

  /**
   * Walks the tenant's hash chain and its checkpoints (signatures checked when the server has a signing
   * key). Reading every entry of the log is a sensitive read, so the verification is itself recorded — as
   * the next entry, appended after the walk.
   */
  async verify(): Promise<AuditVerifyResult> {
    const tenantId = requestContext().tenant?.tenantId;
    if (!tenantId) throw new Error('the chain is verified in a tenant request');
    const publicKeys = this.keys.publicKeys();
    const { result, storedHead } = await this.activity.verify(tenantId, publicKeys);
    const verdict: AuditVerifyResult = {
      ok: result.ok,
      entries: result.rows,
      head: result.ok ? result.head : storedHead,
      checkpoints: result.signaturesChecked ? 'verified' : 'not_checked',
      checkpointCount: result.checkpoints,
      ...(result.ok ? {} : { brokenAt: { ...result.brokenAt } }),
    };
    this.recorder.record({
      entityType: 'activity_log',
      action: 'verify',
      sensitiveRead: true,
      summary: {
        ok: verdict.ok,
        entries: verdict.entries,
        headSeq: verdict.head.seq,
        checkpoints: verdict.checkpoints,
        ...(result.ok ? {} : { brokenAt: { seq: result.brokenAt.seq, reason: result.brokenAt.reason } }),
      },
    });
    return verdict;
  }
}
