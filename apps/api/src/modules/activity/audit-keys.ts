import type { KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { loadSigningKey, type SigningKey } from '@ontrack/db/activity-checkpoints';
import type { AppConfig } from '../../platform/config/config.schema.js';
import { APP_CONFIG } from '../../platform/config/load-config.js';

/**
 * The checkpoint signing key (AUDIT_SIGNING_KEY), parsed once at start-up: a key that is set but unusable
 * stops the process instead of silently leaving the log unsigned.
 */
@Injectable()
export class AuditKeys {
  readonly signingKey: SigningKey | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.signingKey = config.AUDIT_SIGNING_KEY ? loadSigningKey(config.AUDIT_SIGNING_KEY) : undefined;
  }

  /**
   * The public keys that checkpoint signatures are checked with, by key id; undefined when no key is
   * configured (signatures then go unchecked). Only the current key: checkpoints signed by a retired key
   * are reported as `checkpoint_key_unknown` (see docs/audit.md, key rotation).
   */
  publicKeys(): ReadonlyMap<string, KeyObject> | undefined {
    const key = this.signingKey;
    return key ? new Map([[key.keyId, key.publicKey]]) : undefined;
  }
}
