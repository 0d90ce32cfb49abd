import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../../platform/config/config.schema.js';
import { APP_CONFIG } from '../../../platform/config/load-config.js';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Not a secret: it only protects development and test databases. Production refuses to start without
 * AUTH_ENCRYPTION_KEY (load-config.ts).
 */
export const DEV_AUTH_ENCRYPTION_KEY = createHash('sha256')
  .update('ontrack-development-only-encryption-key-not-for-production')
  .digest();

export class UndecryptableSecretError extends Error {}

/**
 * Encrypts small secrets at rest (the TOTP shared secret) with AES-256-GCM: `v1:<iv>:<tag>:<ciphertext>`,
 * each part base64url, a fresh 96-bit IV per value. The authentication tag makes a value encrypted with
 * another key (or tampered with) fail to open instead of yielding garbage, which is also how a rotation
 * works: values written with AUTH_ENCRYPTION_KEY_PREVIOUS still open until they are rewritten with the
 * current key. `v1` names the format, so a later one (another cipher) can be told apart.
 */
@Injectable()
export class SecretBox {
  private readonly key: Buffer;
  private readonly previousKey: Buffer | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.AUTH_ENCRYPTION_KEY) {
      this.key = Buffer.from(config.AUTH_ENCRYPTION_KEY, 'base64');
    } else {
      // Production cannot get here (loadConfig requires the key there).
      new Logger('SecretBox').warn(
        'AUTH_ENCRYPTION_KEY is not set: TOTP secrets are encrypted with a fixed development key',
      );
      this.key = DEV_AUTH_ENCRYPTION_KEY;
    }
    this.previousKey = config.AUTH_ENCRYPTION_KEY_PREVIOUS
      ? Buffer.from(config.AUTH_ENCRYPTION_KEY_PREVIOUS, 'base64')
      : undefined;
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [FORMAT, iv, tag, ciphertext].map((part) => (typeof part === 'string' ? part : b64(part))).join(':');
  }

  /** The plaintext, and whether it was sealed with the previous key (rewrite it with `seal` then). */
  open(sealed: string): { value: string; stale: boolean } {
    const parts = sealed.split(':');
    if (parts.length !== 4 || parts[0] !== FORMAT) throw new UndecryptableSecretError('unknown secret format');
    const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
    if (iv?.length !== IV_BYTES || tag?.length !== TAG_BYTES || !ciphertext) {
      throw new UndecryptableSecretError('malformed secret');
    }
    for (const [key, stale] of [
      [this.key, false],
      [this.previousKey, true],
    ] as const) {
      if (!key) continue;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
        decipher.setAuthTag(tag);
        return { value: Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8'), stale };
      } catch {
        // Wrong key (or a tampered value): try the previous key, if any.
      }
    }
    throw new UndecryptableSecretError('the secret does not open with AUTH_ENCRYPTION_KEY (or _PREVIOUS)');
  }
}

function b64(buffer: Buffer): string {
  return buffer.toString('base64url');
}
