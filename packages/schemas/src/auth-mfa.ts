import { z } from 'zod';
import { sessionTokensSchema } from './auth.js';

/** A six-digit code from an authenticator app (spaces, as some apps show "123 456", are removed). */
const totpCode = z
  .string()
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app'));

/** A recovery code as shown at enrolment (`ABCD-EFGH-JKLM-NPQR`); case, spaces and dashes do not matter. */
const recoveryCode = z
  .string()
  .trim()
  .min(16, 'must be one of your recovery codes, e.g. ABCD-EFGH-JKLM-NPQR')
  .max(40, 'must be one of your recovery codes, e.g. ABCD-EFGH-JKLM-NPQR');

export const totpEnrolmentSchema = z.object({
  otpauthUri: z
    .string()
    .describe('The `otpauth://totp/OnTrack:<email>?secret=…&issuer=OnTrack` URI the authenticator app imports.'),
  qrCodeSvg: z.string().describe('The same URI as a QR code (an SVG document) to scan with the app.'),
  secret: z.string().describe('The Base32 secret, for typing into an app that cannot scan. Shown only now.'),
});

export const totpConfirmSchema = z.object({ code: totpCode }).strict();

/** A second factor: the current authenticator code, or one of the single-use recovery codes. */
export const secondFactorSchema = z
  .object({ code: totpCode.optional(), recoveryCode: recoveryCode.optional() })
  .strict()
  .refine((body) => (body.code === undefined) !== (body.recoveryCode === undefined), {
    message: 'send either `code` (from your authenticator app) or `recoveryCode`, not both',
  });

/**
 * New tokens of the session once the second factor is verified, as a sign-in answers them: cookies for the
 * web app; for an API client (a request with `Authorization: Bearer`) the rotated refresh token in the body.
 */
export const mfaSessionSchema = sessionTokensSchema;

export const totpConfirmedSchema = mfaSessionSchema.extend({
  recoveryCodes: z
    .array(z.string())
    .length(10)
    .describe('Ten single-use recovery codes. Shown only now: keep them somewhere safe.'),
  signedOutSessions: z.number().int().min(0).describe('How many of your other sessions were signed out.'),
});

export const recoveryCodesSchema = z.object({
  recoveryCodes: z.array(z.string()).length(10).describe('The new codes (the old ones no longer work). Shown once.'),
  signedOutSessions: z.number().int().min(0),
});

export const mfaRequirementReasonSchema = z
  .enum(['admin', 'tenant_policy'])
  .nullable()
  .describe(
    'Why a second factor is mandatory: `admin` (an Admin somewhere), `tenant_policy` (a business requires it of its staff).',
  );

export const mfaStatusSchema = z.object({
  totp: z.object({
    enrolled: z.boolean().describe('A confirmed authenticator is set up.'),
    confirmedAt: z.iso.datetime({ offset: true }).nullable(),
  }),
  recoveryCodesLeft: z.number().int().min(0),
  required: z.boolean(),
  reason: mfaRequirementReasonSchema,
});

export const reauthenticatedSchema = z.object({
  recentUntil: z.iso
    .datetime({ offset: true })
    .describe('Until when email and MFA changes are allowed without re-authenticating again.'),
});

export const removedFactorSchema = z.object({ signedOutSessions: z.number().int().min(0) });

export const changeEmailSchema = z
  .object({
    email: z
      .email()
      .max(254)
      .transform((email) => email.trim().toLowerCase()),
  })
  .strict();

export const emailChangedSchema = z.object({ email: z.string(), signedOutSessions: z.number().int().min(0) });

export const tenantSecuritySchema = z.object({
  mfaRequiredForStaff: z
    .boolean()
    .describe('Every member but Clients (Admins always must) has to sign in with a second factor.'),
});

export const updateTenantSecuritySchema = tenantSecuritySchema.strict();

export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;
export type TotpConfirm = z.infer<typeof totpConfirmSchema>;
export type SecondFactor = z.infer<typeof secondFactorSchema>;
export type MfaSession = z.infer<typeof mfaSessionSchema>;
export type TotpConfirmed = z.infer<typeof totpConfirmedSchema>;
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;
export type MfaRequirementReason = z.infer<typeof mfaRequirementReasonSchema>;
export type MfaStatus = z.infer<typeof mfaStatusSchema>;
export type Reauthenticated = z.infer<typeof reauthenticatedSchema>;
export type RemovedFactor = z.infer<typeof removedFactorSchema>;
export type ChangeEmail = z.infer<typeof changeEmailSchema>;
export type EmailChanged = z.infer<typeof emailChangedSchema>;
export type TenantSecurity = z.infer<typeof tenantSecuritySchema>;
