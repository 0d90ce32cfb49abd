import { CallToAction, Note, Paragraph } from '../layout.js';
import type { EmailData } from '../schemas.js';
import type { Catalogue, EmailTemplate } from '../template.js';

interface Messages {
  subject(business: string): string;
  preview(business: string, minutes: number): string;
  heading(business: string): string;
  intro(minutes: number): string;
  action: string;
  ignore: string;
}

const messages: Catalogue<Messages> = {
  en: {
    subject: (business) => `Your sign-in link for ${business}`,
    preview: (business, minutes) => `Sign in to ${business}. The link expires in ${minutes} minutes.`,
    heading: (business) => `Sign in to ${business}`,
    intro: (minutes) =>
      `Use the button below to sign in. The link works once and expires in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
    action: 'Sign in',
    ignore: 'If you did not ask to sign in, you can ignore this email: nobody can sign in without this link.',
  },
  es: {
    subject: (business) => `Tu enlace para iniciar sesión en ${business}`,
    preview: (business, minutes) => `Inicia sesión en ${business}. El enlace caduca en ${minutes} minutos.`,
    heading: (business) => `Inicia sesión en ${business}`,
    intro: (minutes) =>
      `Usa el botón de abajo para iniciar sesión. El enlace sirve una sola vez y caduca en ${minutes} ${minutes === 1 ? 'minuto' : 'minutos'}.`,
    action: 'Iniciar sesión',
    ignore: 'Si no pediste iniciar sesión, puedes ignorar este correo: nadie puede entrar sin este enlace.',
  },
};

export const magicLinkEmail: EmailTemplate<EmailData<'magic-link'>> = {
  build(data, context) {
    const t = messages[context.language];
    const business = context.tenantName;
    return {
      subject: t.subject(business),
      preview: t.preview(business, data.expiresInMinutes),
      heading: t.heading(business),
      content: (
        <>
          <Paragraph>{t.intro(data.expiresInMinutes)}</Paragraph>
          <CallToAction context={context} href={data.url} label={t.action} />
          <Note>{t.ignore}</Note>
        </>
      ),
    };
  },
};
