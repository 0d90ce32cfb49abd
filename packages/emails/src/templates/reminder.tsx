import { CallToAction, Facts, Note, Paragraph } from '../layout.js';
import type { EmailData, reminderKinds } from '../schemas.js';
import type { Catalogue, EmailTemplate } from '../template.js';

type Kind = (typeof reminderKinds)[number];

interface Messages {
  kinds: Record<Kind, string>;
  subject(kind: string, business: string, when: string): string;
  heading(kind: string): string;
  intro(customer: string, kind: string, business: string): string;
  labels: { what: string; when: string; where: string };
  action: string;
  change(business: string): string;
}

const messages: Catalogue<Messages> = {
  en: {
    kinds: { appointment: 'appointment', visit: 'visit' },
    subject: (kind, business, when) => `Reminder: your ${kind} with ${business}, ${when}`,
    heading: (kind) => `Your upcoming ${kind}`,
    intro: (customer, kind, business) => `Hi ${customer}, this is a reminder of your ${kind} with ${business}.`,
    labels: { what: 'What', when: 'When', where: 'Where' },
    action: 'View details',
    change: (business) => `Need a different time? Reply to this email or contact ${business}.`,
  },
  es: {
    kinds: { appointment: 'cita', visit: 'visita' },
    subject: (kind, business, when) => `Recordatorio: tu ${kind} con ${business}, ${when}`,
    heading: (kind) => `Tu próxima ${kind}`,
    intro: (customer, kind, business) => `Hola, ${customer}: te recordamos tu ${kind} con ${business}.`,
    labels: { what: 'Qué', when: 'Cuándo', where: 'Dónde' },
    action: 'Ver detalles',
    change: (business) => `¿Necesitas otro horario? Responde a este correo o comunícate con ${business}.`,
  },
};

export const reminderEmail: EmailTemplate<EmailData<'reminder'>> = {
  build(data, context) {
    const t = messages[context.language];
    const business = context.tenantName;
    const kind = t.kinds[data.kind];
    const when = context.format.window(data.windowStart, data.windowEnd);
    const facts = [
      ...(data.title ? [{ label: t.labels.what, value: data.title }] : []),
      { label: t.labels.when, value: when },
      { label: t.labels.where, value: data.address },
    ];
    const intro = t.intro(data.customerName, kind, business);
    return {
      subject: t.subject(kind, business, when),
      preview: `${intro} ${when}`,
      heading: t.heading(kind),
      content: (
        <>
          <Paragraph>{intro}</Paragraph>
          <Facts facts={facts} />
          {data.detailsUrl && <CallToAction context={context} href={data.detailsUrl} label={t.action} />}
          <Note>{t.change(business)}</Note>
        </>
      ),
    };
  },
};
