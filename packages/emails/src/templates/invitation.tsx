import { CallToAction, Facts, Note, Paragraph } from '../layout.js';
import type { EmailData } from '../schemas.js';
import type { Catalogue, EmailTemplate } from '../template.js';

interface Messages {
  subject(inviter: string, business: string): string;
  heading(business: string): string;
  intro(inviter: string, business: string, role: string): string;
  labels: { business: string; role: string; invitedBy: string; expires: string };
  action: string;
  ignore: string;
}

const messages: Catalogue<Messages> = {
  en: {
    subject: (inviter, business) => `${inviter} invited you to join ${business} on OnTrack`,
    heading: (business) => `Join ${business}`,
    intro: (inviter, business, role) => `${inviter} invited you to join ${business} as ${role}.`,
    labels: { business: 'Business', role: 'Role', invitedBy: 'Invited by', expires: 'Invitation expires' },
    action: 'Accept invitation',
    ignore: 'If you were not expecting this invitation, you can ignore this email.',
  },
  es: {
    subject: (inviter, business) => `${inviter} te invitó a unirte a ${business} en OnTrack`,
    heading: (business) => `Únete a ${business}`,
    intro: (inviter, business, role) => `${inviter} te invitó a unirte a ${business} con el rol ${role}.`,
    labels: { business: 'Empresa', role: 'Rol', invitedBy: 'Invitación de', expires: 'La invitación caduca' },
    action: 'Aceptar invitación',
    ignore: 'Si no esperabas esta invitación, puedes ignorar este correo.',
  },
};

export const invitationEmail: EmailTemplate<EmailData<'invitation'>> = {
  build(data, context) {
    const t = messages[context.language];
    const business = context.tenantName;
    const facts = [
      { label: t.labels.business, value: business },
      { label: t.labels.role, value: data.roleName },
      { label: t.labels.invitedBy, value: data.inviterName },
      ...(data.expiresAt ? [{ label: t.labels.expires, value: context.format.dateTime(data.expiresAt) }] : []),
    ];
    return {
      subject: t.subject(data.inviterName, business),
      preview: t.intro(data.inviterName, business, data.roleName),
      heading: t.heading(business),
      content: (
        <>
          <Paragraph>{t.intro(data.inviterName, business, data.roleName)}</Paragraph>
          <Facts facts={facts} />
          <CallToAction context={context} href={data.acceptUrl} label={t.action} />
          <Note>{t.ignore}</Note>
        </>
      ),
    };
  },
};
