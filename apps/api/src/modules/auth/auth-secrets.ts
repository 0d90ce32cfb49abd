import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../platform/config/config.schema.js';
import { DEV_AUTH_JWT_SECRET } from '../../platform/config/config.schema.js';
import { APP_CONFIG } from '../../platform/config/load-config.js';

/** An opaque secret for a link, a refresh token or a cookie: 256 random bits, URL-safe. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of a token: its SHA-256 (hex). A 256-bit random token needs no slow hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time equality of two strings (hashes, CSRF tokens). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

const FORMAT = 'v1';

/**
 * Seals a token for the few moments between "a link was asked for" and "the job mailed it": the outbox
 * payload is stored in the database, where a plaintext sign-in token would be a credential anyone with read
 * access could use. AES-256-GCM (node:crypto) under a key derived with HKDF-SHA256 from AUTH_JWT_SECRET
 * (its own `info`, so the key is not the JWT key), with the row id as additional data: a sealed token only
 * opens for the link or invitation it was made for. Rotating AUTH_JWT_SECRET makes unsent ones unreadable —
 * they expire within minutes anyway and can be asked for again.
 */
@Injectable()
export class TokenSealer {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const secret = config.AUTH_JWT_SECRET ?? DEV_AUTH_JWT_SECRET;
    this.key = Buffer.from(hkdfSync('sha256', secret, 'ontrack', 'ontrack:auth:outbox-token-sealing:v1', 32));
  }

  seal(token: string, boundTo: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    const parts = [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url'));
    return [FORMAT, ...parts].join('.');
  }

  /** Throws when the sealed value was altered, made for another row, or sealed under another key. */
  open(sealed: string, boundTo: string): string {
    const [format, iv, ciphertext, tag] = sealed.split('.');
    if (format !== FORMAT || !iv || !ciphertext || !tag) {
      throw new Error('not a sealed token');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}
