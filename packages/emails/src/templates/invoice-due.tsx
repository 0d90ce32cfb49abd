import { CallToAction, Facts, Note, Paragraph } from '../layout.js';
import type { EmailData } from '../schemas.js';
import type { Catalogue, EmailTemplate } from '../template.js';

interface Messages {
  subject(number: string, business: string, amount: string, date: string, overdue: boolean): string;
  heading(overdue: boolean): string;
  intro(customer: string, number: string, amount: string, date: string, overdue: boolean): string;
  labels: { number: string; amount: string; dueDate: string };
  action: string;
  note: string;
}

const messages: Catalogue<Messages> = {
  en: {
    subject: (number, business, amount, date, overdue) =>
      overdue
        ? `Invoice ${number} from ${business} is overdue: ${amount}`
        : `Invoice ${number} from ${business}: ${amount} due ${date}`,
    heading: (overdue) => (overdue ? 'Payment overdue' : 'Payment due'),
    intro: (customer, number, amount, date, overdue) =>
      `Hi ${customer}, invoice ${number} for ${amount} ${overdue ? 'was due' : 'is due'} on ${date}.`,
    labels: { number: 'Invoice', amount: 'Amount due', dueDate: 'Due date' },
    action: 'Pay invoice',
    note: 'If you have already paid, thank you: you can ignore this email.',
  },
  es: {
    subject: (number, business, amount, date, overdue) =>
      overdue
        ? `La factura ${number} de ${business} está vencida: ${amount}`
        : `Factura ${number} de ${business}: ${amount}, vence el ${date}`,
    heading: (overdue) => (overdue ? 'Pago vencido' : 'Pago pendiente'),
    intro: (customer, number, amount, date, overdue) =>
      `Hola, ${customer}: la factura ${number} por ${amount} ${overdue ? 'venció' : 'vence'} el ${date}.`,
    labels: { number: 'Factura', amount: 'Importe pendiente', dueDate: 'Fecha de vencimiento' },
    action: 'Pagar factura',
    note: 'Si ya pagaste, gracias: puedes ignorar este correo.',
  },
};

export const invoiceDueEmail: EmailTemplate<EmailData<'invoice-due'>> = {
  build(data, context) {
    const t = messages[context.language];
    const business = context.tenantName;
    const amount = context.format.money(data.amountDueMinor);
    const date = context.format.date(data.dueDate);
    const intro = t.intro(data.customerName, data.invoiceNumber, amount, date, data.overdue);
    return {
      subject: t.subject(data.invoiceNumber, business, amount, date, data.overdue),
      preview: intro,
      heading: t.heading(data.overdue),
      content: (
        <>
          <Paragraph>{intro}</Paragraph>
          <Facts
            facts={[
              { label: t.labels.number, value: data.invoiceNumber },
              { label: t.labels.amount, value: amount },
              { label: t.labels.dueDate, value: date },
            ]}
          />
          <CallToAction context={context} href={data.payUrl} label={t.action} />
          <Note>{t.note}</Note>
        </>
      ),
    };
  },
};
