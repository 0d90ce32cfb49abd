import { CallToAction, Facts, Note, Paragraph } from '../layout.js';
import type { EmailData } from '../schemas.js';
import type { Catalogue, EmailTemplate } from '../template.js';

interface Messages {
  subject(number: string, business: string, total: string): string;
  heading: string;
  intro(customer: string, business: string, number: string, total: string): string;
  labels: { number: string; total: string; validUntil: string };
  action: string;
  note: string;
}

const messages: Catalogue<Messages> = {
  en: {
    subject: (number, business, total) => `Estimate ${number} from ${business}: ${total}`,
    heading: 'Your estimate is ready',
    intro: (customer, business, number, total) =>
      `Hi ${customer}, ${business} sent you estimate ${number} for ${total}.`,
    labels: { number: 'Estimate', total: 'Total', validUntil: 'Valid until' },
    action: 'View estimate',
    note: 'From the estimate page you can review it, approve it or ask a question.',
  },
  es: {
    subject: (number, business, total) => `Presupuesto ${number} de ${business}: ${total}`,
    heading: 'Tu presupuesto está listo',
    intro: (customer, business, number, total) =>
      `Hola, ${customer}: ${business} te envió el presupuesto ${number} por ${total}.`,
    labels: { number: 'Presupuesto', total: 'Total', validUntil: 'Válido hasta' },
    action: 'Ver presupuesto',
    note: 'Desde la página del presupuesto puedes revisarlo, aprobarlo o hacer una pregunta.',
  },
};

export const estimateSentEmail: EmailTemplate<EmailData<'estimate-sent'>> = {
  build(data, context) {
    const t = messages[context.language];
    const business = context.tenantName;
    const total = context.format.money(data.totalMinor);
    const facts = [
      { label: t.labels.number, value: data.estimateNumber },
      { label: t.labels.total, value: total },
      ...(data.validUntil ? [{ label: t.labels.validUntil, value: context.format.date(data.validUntil) }] : []),
    ];
    const intro = t.intro(data.customerName, business, data.estimateNumber, total);
    return {
      subject: t.subject(data.estimateNumber, business, total),
      preview: intro,
      heading: t.heading,
      content: (
        <>
          <Paragraph>{intro}</Paragraph>
          <Facts facts={facts} />
          <CallToAction context={context} href={data.viewUrl} label={t.action} />
          <Note>{t.note}</Note>
        </>
      ),
    };
  },
};
