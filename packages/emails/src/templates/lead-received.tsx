import { Facts, Note, Paragraph } from '../layout.js';
import type { EmailData } from '../schemas.js';
import type { Catalogue, EmailTemplate } from '../template.js';

interface Messages {
  subject(business: string): string;
  heading: string;
  intro(customer: string, business: string): string;
  labels: { service: string; address: string };
  next: string;
  notYou(business: string): string;
}

const messages: Catalogue<Messages> = {
  en: {
    subject: (business) => `${business} received your request`,
    heading: 'Thank you for your request',
    intro: (customer, business) =>
      `Hi ${customer}, thank you for contacting ${business}. We received your request and will get back to you soon.`,
    labels: { service: 'Service requested', address: 'Address' },
    next: 'Someone from our office will contact you to talk about the details and, if needed, to plan a visit.',
    notYou: (business) => `If you did not send this request, you can ignore this email or let ${business} know.`,
  },
  es: {
    subject: (business) => `${business} recibió tu solicitud`,
    heading: 'Gracias por tu solicitud',
    intro: (customer, business) =>
      `Hola, ${customer}: gracias por contactar a ${business}. Recibimos tu solicitud y te responderemos pronto.`,
    labels: { service: 'Servicio solicitado', address: 'Dirección' },
    next: 'Alguien de nuestra oficina se comunicará contigo para hablar de los detalles y, si hace falta, programar una visita.',
    notYou: (business) => `Si no enviaste esta solicitud, puedes ignorar este correo o avisar a ${business}.`,
  },
};

/** The acknowledgement a person gets after sending the public request form. */
export const leadReceivedEmail: EmailTemplate<EmailData<'lead-received'>> = {
  build(data, context) {
    const t = messages[context.language];
    const business = context.tenantName;
    const facts = [
      { label: t.labels.service, value: data.requestedService },
      ...(data.address ? [{ label: t.labels.address, value: data.address }] : []),
    ];
    const intro = t.intro(data.customerName, business);
    return {
      subject: t.subject(business),
      preview: intro,
      heading: t.heading,
      content: (
        <>
          <Paragraph>{intro}</Paragraph>
          <Facts facts={facts} />
          <Paragraph>{t.next}</Paragraph>
          <Note>{t.notYou(business)}</Note>
        </>
      ),
    };
  },
};
