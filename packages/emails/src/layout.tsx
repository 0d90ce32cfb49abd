import {
  Body,
  Button,
  Column,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Img,
  Link,
  Preview,
  Row,
  Section,
  Text,
} from '@react-email/components';
import type { CSSProperties, ReactElement, ReactNode } from 'react';
import { type Brand, textColors } from './brand.js';
import type { Catalogue, RenderContext } from './template.js';

interface LayoutMessages {
  footer(business: string): string;
  linkFallback: string;
}

const messages: Catalogue<LayoutMessages> = {
  en: {
    footer: (business) => `${business} sent you this email through OnTrack.`,
    linkFallback: 'If the button does not work, copy this link into your browser:',
  },
  es: {
    footer: (business) => `${business} te envió este correo a través de OnTrack.`,
    linkFallback: 'Si el botón no funciona, copia este enlace en tu navegador:',
  },
};

// System fonts only: web fonts would be fetched by the mail client from a third party.
const fontFamily = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const paragraph: CSSProperties = { color: textColors.body, fontSize: '16px', lineHeight: '24px', margin: '0 0 16px' };

interface LayoutProps {
  context: RenderContext;
  subject: string;
  preview: string;
  heading: string;
  /** The template's part (BuiltEmail.content). */
  content: ReactNode;
}

/** The frame of every email: language, tenant header in the primary colour, accent rule, footer. */
export function Layout({ context, subject, preview, heading, content }: LayoutProps): ReactElement {
  const { brand, tenantName, language } = context;
  return (
    <Html lang={language} dir="ltr">
      <Head>
        <title>{subject}</title>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#F1F5F9', fontFamily, margin: 0, padding: '24px 0' }}>
        <Container style={{ maxWidth: '560px', backgroundColor: '#FFFFFF', borderRadius: '8px', overflow: 'hidden' }}>
          <Section style={{ backgroundColor: brand.primary, padding: '20px 32px' }}>
            {brand.logoUrl ? (
              <Img src={brand.logoUrl} alt={tenantName} height="40" style={{ height: '40px', width: 'auto' }} />
            ) : (
              <Text style={{ color: brand.onPrimary, fontSize: '20px', fontWeight: 700, margin: 0 }}>{tenantName}</Text>
            )}
          </Section>
          <Section
            aria-hidden="true"
            data-skip-in-text="true"
            style={{ backgroundColor: brand.accent, height: '4px', lineHeight: '4px', fontSize: '1px' }}
          >
            &nbsp;
          </Section>
          <Section style={{ padding: '32px 32px 8px' }}>
            <Heading
              as="h1"
              style={{ color: textColors.body, fontSize: '22px', lineHeight: '30px', margin: '0 0 16px' }}
            >
              {heading}
            </Heading>
            {content}
          </Section>
          <Section style={{ padding: '0 32px 24px' }}>
            <Hr style={{ borderColor: '#E2E8F0', margin: '0 0 16px' }} />
            <Text style={{ color: textColors.muted, fontSize: '13px', lineHeight: '20px', margin: 0 }}>
              {messages[language].footer(tenantName)}
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }): ReactElement {
  return <Text style={paragraph}>{children}</Text>;
}

/** A muted note (expiry, "ignore this if…"). */
export function Note({ children }: { children: ReactNode }): ReactElement {
  return (
    <Text style={{ ...paragraph, color: textColors.muted, fontSize: '14px', lineHeight: '22px' }}>{children}</Text>
  );
}

interface CallToActionProps {
  context: RenderContext;
  href: string;
  label: string;
}

/** The one action of the email, as a button in the primary colour plus the raw link for clients that drop it. */
export function CallToAction({ context, href, label }: CallToActionProps): ReactElement {
  const { brand } = context;
  return (
    <>
      <Section style={{ margin: '8px 0 24px' }}>
        <Button href={href} style={buttonStyle(brand)}>
          {label}
        </Button>
      </Section>
      {/* The plain-text part already shows the button's URL next to its label; no need to repeat it. */}
      <Section data-skip-in-text="true">
        <Text style={{ ...paragraph, color: textColors.muted, fontSize: '13px', lineHeight: '20px' }}>
          {messages[context.language].linkFallback}{' '}
          <Link href={href} style={{ color: brand.link, textDecoration: 'underline', wordBreak: 'break-all' }}>
            {href}
          </Link>
        </Text>
      </Section>
    </>
  );
}

export interface Fact {
  label: string;
  value: string;
}

/** The key facts (number, amount, date…) as label/value rows; each row reads "label   value" in plain text. */
export function Facts({ facts }: { facts: readonly Fact[] }): ReactElement {
  const cell: CSSProperties = { fontSize: '14px', lineHeight: '22px', padding: '4px 0', verticalAlign: 'top' };
  return (
    <Section style={{ backgroundColor: '#F8FAFC', borderRadius: '6px', padding: '12px 16px', margin: '0 0 24px' }}>
      {facts.map((fact) => (
        <Row key={fact.label} data-text-format="dataTable">
          <Column style={{ ...cell, width: '40%', color: textColors.muted }}>{fact.label}</Column>
          <Column style={{ ...cell, color: textColors.body, fontWeight: 600 }}>{fact.value}</Column>
        </Row>
      ))}
    </Section>
  );
}

function buttonStyle(brand: Brand): CSSProperties {
  return {
    backgroundColor: brand.primary,
    color: brand.onPrimary,
    borderRadius: '6px',
    fontSize: '16px',
    fontWeight: 600,
    lineHeight: '24px',
    padding: '12px 24px',
    textDecoration: 'none',
    display: 'inline-block',
  };
}
