import { CallToAction, Facts, Note, Paragraph } from '../layout.js';
import type { EmailData, paymentMethods } from '../schemas.js';
import type { Catalogue, EmailTemplate } from '../template.js';

interface Messages {
  subject(amount: string, business: string): string;
  heading: string;
  intro(customer: string, amount: string, date: string): string;
  labels: { amount: string; date: string; method: string; invoice: string };
  methods: Record<(typeof paymentMethods)[number], string>;
  action: string;
  note: string;
}

const messages: Catalogue<Messages> = {
  en: {
    subject: (amount, business) => `Receipt for your ${amount} payment to ${business}`,
    heading: 'Thank you for your payment',
    intro: (customer, amount, date) => `Hi ${customer}, we received your payment of ${amount} on ${date}.`,
    labels: { amount: 'Amount paid', date: 'Date', method: 'Payment method', invoice: 'Invoice' },
    methods: { card: 'Card', bank_transfer: 'Bank transfer', cash: 'Cash', check: 'Check', other: 'Other' },
    action: 'View receipt',
    note: 'Keep this email for your records.',
  },
  es: {
    subject: (amount, business) => `Recibo de tu pago de ${amount} a ${business}`,
    heading: 'Gracias por tu pago',
    intro: (customer, amount, date) => `Hola, ${customer}: recibimos tu pago de ${amount} el ${date}.`,
    labels: { amount: 'Importe pagado', date: 'Fecha', method: 'Forma de pago', invoice: 'Factura' },
    methods: {
      card: 'Tarjeta',
      bank_transfer: 'Transferencia bancaria',
      cash: 'Efectivo',
      check: 'Cheque',
      other: 'Otro',
    },
    action: 'Ver recibo',
    note: 'Guarda este correo para tus registros.',
  },
};

export const paymentReceiptEmail: EmailTemplate<EmailData<'payment-receipt'>> = {
  build(data, context) {
    const t = messages[context.language];
    const amount = context.format.money(data.amountMinor);
    const date = context.format.dateTime(data.paidAt);
    const method = data.methodDetail ? `${t.methods[data.method]} (${data.methodDetail})` : t.methods[data.method];
    const facts = [
      { label: t.labels.amount, value: amount },
      { label: t.labels.date, value: date },
      { label: t.labels.method, value: method },
      ...(data.invoiceNumber ? [{ label: t.labels.invoice, value: data.invoiceNumber }] : []),
    ];
    const intro = t.intro(data.customerName, amount, date);
    return {
      subject: t.subject(amount, context.tenantName),
      preview: intro,
      heading: t.heading,
      content: (
        <>
          <Paragraph>{intro}</Paragraph>
          <Facts facts={facts} />
          {data.receiptUrl && <CallToAction context={context} href={data.receiptUrl} label={t.action} />}
          <Note>{t.note}</Note>
        </>
      ),
    };
  },
};
