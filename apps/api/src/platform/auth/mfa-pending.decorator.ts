import { SetMetadata } from '@nestjs/common';

export const ALLOW_MFA_PENDING = 'ontrack:allow-mfa-pending';
/**
 * The route accepts a session that still owes its second factor (`mfa: 'pending'` in the access token):
 * the routes that verify a code or enrol a factor. Every other route answers 401 to such a token.
 */
export const AllowMfaPending = () => SetMetadata(ALLOW_MFA_PENDING, true);
