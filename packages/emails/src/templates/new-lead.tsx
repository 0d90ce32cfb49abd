import { CallToAction, Facts, Paragraph } from '../layout.js';
import type { EmailData } from '../schemas.js';
import type { Catalogue, EmailTemplate } from '../template.js';

interface Messages {
  subject(customer: string, service: string): string;
  heading: string;
  intro(customer: string, business: string): string;
  labels: { service: string; email: string; phone: string; address: string; smsConsent: string };
  yes: string;
  theirMessage: string;
  action: string;
}

const messages: Catalogue<Messages> = {
  en: {
    subject: (customer, service) => `New request from ${customer}: ${service}`,
    heading: 'New request from your website',
    intro: (customer, business) =>
      `${customer} sent a request through ${business}’s request form. It is in the pipeline as a new lead.`,
    labels: {
      service: 'Service requested',
      email: 'Email',
      phone: 'Phone',
      address: 'Address',
      smsConsent: 'Agreed to texts',
    },
    yes: 'Yes',
    theirMessage: 'Their message:',
    action: 'Open the lead',
  },
  es: {
    subject: (customer, service) => `Nueva solicitud de ${customer}: ${service}`,
    heading: 'Nueva solicitud desde tu sitio web',
    intro: (customer, business) =>
      `${customer} envió una solicitud con el formulario de ${business}. Ya está en el embudo como un nuevo cliente potencial.`,
    labels: {
      service: 'Servicio solicitado',
      email: 'Correo',
      phone: 'Teléfono',
      address: 'Dirección',
      smsConsent: 'Acepta mensajes de texto',
    },
    yes: 'Sí',
    theirMessage: 'Su mensaje:',
    action: 'Abrir el cliente potencial',
  },
};

/** To the office (members who work leads) when the public request form brings a new lead. */
export const newLeadEmail: EmailTemplate<EmailData<'new-lead'>> = {
  build(data, context) {
    const t = messages[context.language];
    const facts = [
      { label: t.labels.service, value: data.requestedService },
      ...(data.email ? [{ label: t.labels.email, value: data.email }] : []),
      ...(data.phone ? [{ label: t.labels.phone, value: data.phone }] : []),
      ...(data.address ? [{ label: t.labels.address, value: data.address }] : []),
      ...(data.smsConsent ? [{ label: t.labels.smsConsent, value: t.yes }] : []),
    ];
    const intro = t.intro(data.customerName, context.tenantName);
    return {
      subject: t.subject(data.customerName, data.requestedService),
      preview: intro,
      heading: t.heading,
      content: (
        <>
          <Paragraph>{intro}</Paragraph>
          <Facts facts={facts} />
          {data.message && (
            <>
              <Paragraph>{t.theirMessage}</Paragraph>
              <Paragraph>{data.message}</Paragraph>
            </>
          )}
          <CallToAction context={context} href={data.leadUrl} label={t.action} />
        </>
      ),
    };
  },
};
