import {
  changeEmailSchema,
  emailChangedSchema,
  mfaSessionSchema,
  mfaStatusSchema,
  reauthenticatedSchema,
  recoveryCodesSchema,
  removedFactorSchema,
  secondFactorSchema,
  totpConfirmedSchema,
  totpConfirmSchema,
  totpEnrolmentSchema,
} from '@ontrack/schemas/auth-mfa';
import { createZodDto } from 'nestjs-zod';

export class TotpEnrolmentDto extends createZodDto(totpEnrolmentSchema) {}
export class TotpConfirmDto extends createZodDto(totpConfirmSchema) {}
export class TotpConfirmedDto extends createZodDto(totpConfirmedSchema) {}
export class SecondFactorDto extends createZodDto(secondFactorSchema) {}
export class MfaSessionDto extends createZodDto(mfaSessionSchema) {}
export class MfaStatusDto extends createZodDto(mfaStatusSchema) {}
export class ReauthenticatedDto extends createZodDto(reauthenticatedSchema) {}
export class RecoveryCodesDto extends createZodDto(recoveryCodesSchema) {}
export class RemovedFactorDto extends createZodDto(removedFactorSchema) {}
export class ChangeEmailDto extends createZodDto(changeEmailSchema) {}
export class EmailChangedDto extends createZodDto(emailChangedSchema) {}
