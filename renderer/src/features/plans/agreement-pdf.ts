// Builds the agreement PDF for a plan from what the database holds (company, client, schedule).
import type {
  ClientRecord,
  CompanyProfile,
  InstallmentRecord,
  Language,
  PlanRecord,
} from '../../../../shared/domain/records';
import { planAgreementDocument, type AgreementInput } from '../../../../shared/pdf/plan-agreement';
import { buildEpcQrPayload } from '../../../../shared/domain/epc-qr';
import { validateIban } from '../../../../shared/domain/iban';
import { DEFAULT_BREAK_AFTER_DAYS } from '../../../../shared/domain/plan-lifecycle';
import { renderPdf } from '../../pdf/render-pdf';

export interface AgreementSources {
  plan: PlanRecord;
  client: ClientRecord;
  company: CompanyProfile;
  installments: InstallmentRecord[];
  language: Language;
  signatures: { creditor: string | null; debtor: string | null };
  /** The agreement's date: the signing day, or today for a draft. */
  date: string;
}

function epcPayload(company: CompanyProfile, reference: string): string | null {
  if (!validateIban(company.iban).valid || company.name.trim() === '') return null;
  try {
    return buildEpcQrPayload({
      name: company.name.slice(0, 70),
      iban: company.iban,
      remittance: reference,
    });
  } catch {
    // A name or IBAN the standard refuses: the agreement goes without a QR rather than failing.
    return null;
  }
}

export function agreementInputOf(sources: AgreementSources): AgreementInput {
  const { plan, client, company } = sources;
  const terms = plan.terms;
  const reference = terms?.reference ?? plan.id.slice(0, 8);
  return {
    language: sources.language,
    reference,
    place: terms?.place ?? company.city,
    date: sources.date,
    creditor: {
      name: company.name,
      taxId: company.taxId,
      address: company.address,
      postalCode: company.postalCode,
      city: company.city,
      province: company.province,
      signatory: terms?.creditorSignatory ?? { name: company.name, capacity: '' },
      iban: validateIban(company.iban).valid ? validateIban(company.iban).normalized : '',
      logoDataUrl: company.logoDataUrl,
    },
    debtor: {
      name: client.name,
      taxId: client.taxId,
      address: client.address,
      postalCode: client.postalCode,
      city: client.city,
      province: client.province,
      signatory: terms?.debtorSignatory ?? { name: client.contactPerson, capacity: '' },
    },
    invoices: (terms?.invoiceAmounts ?? []).map((row) => ({
      number: row.number,
      issueDate: row.issueDate,
      amountCents: row.amountCents,
    })),
    extraLines: terms?.extraLines ?? [],
    downPayment: { amountCents: plan.downPaymentCents, date: terms?.downPaymentDate ?? null },
    frequency: plan.frequency,
    annualInterestPercent: plan.annualInterestPercent,
    schedule: [...sources.installments]
      .sort((a, b) => a.seq - b.seq)
      .map((row) => ({
        dueDate: row.dueDate,
        amountCents: row.amountCents,
        principalCents: row.principalCents,
        interestCents: row.interestCents,
      })),
    breakAfterDays: terms?.breakAfterDays ?? DEFAULT_BREAK_AFTER_DAYS,
    epcPayload: epcPayload(company, reference),
    signatures: sources.signatures,
  };
}

export function renderAgreement(sources: AgreementSources): Promise<Uint8Array> {
  return renderPdf(planAgreementDocument(agreementInputOf(sources)));
}

export function agreementFileName(plan: PlanRecord, suffix: string): string {
  return `${plan.terms?.reference ?? 'plan'}-${suffix}.pdf`;
}
