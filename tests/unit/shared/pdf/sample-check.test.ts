import { describe, expect, it } from 'vitest';
import { pipelineCheckDocument } from '../../../../shared/pdf/sample-check';
import { renderPdfInNode } from '../../../support/render-pdf-node';
import { pdfText, popplerAvailable } from '../../../support/pdf-tools';

describe('the PDF pipeline', () => {
  it('renders Spanish characters and the euro sign with the embedded fonts', async () => {
    const bytes = await renderPdfInNode(pipelineCheckDocument('Extracto de cuenta'));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (!popplerAvailable) return;
    const text = pdfText(bytes);
    expect(text).toContain('Extracto de cuenta');
    expect(text).toContain('Año, señor, 1.234,56 €');
  });
});
