// Read helper for interest per payment: the dated payments allocated to the invoices concerned.
import { paymentsByInvoice, type DatedPayment } from '../../../shared/domain/claim-amounts';
import type { CuentasDatabase } from './database';

/** Only those invoices' allocations and their payments are read (by index), never whole tables. */
export async function paymentsOfInvoices(
  db: CuentasDatabase,
  invoiceIds: readonly string[],
): Promise<Map<string, DatedPayment[]>> {
  if (invoiceIds.length === 0) return new Map();
  const allocations = await db.allocations
    .where('invoiceId')
    .anyOf([...invoiceIds])
    .toArray();
  const paymentIds = [...new Set(allocations.map((row) => row.paymentId))];
  const payments = (await db.payments.bulkGet(paymentIds)).filter(
    (payment) => payment !== undefined,
  );
  return paymentsByInvoice(allocations, payments);
}
