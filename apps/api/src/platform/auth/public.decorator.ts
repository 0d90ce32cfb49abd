import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'ontrack:public';
/** The route needs no signed-in user (health checks, the public request form, sign-in itself). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
