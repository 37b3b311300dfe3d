import { describe, expect, it } from 'vitest';
import { pipelineCheckDocument } from '../../../../shared/pdf/sample-check';
import { renderPdfInNode } from '../../../support/render-pdf-node';
import { NEEDS_POPPLER, pdfText, popplerAvailable } from '../../../support/pdf-tools';

describe('the PDF pipeline', () => {
  let rendered: Promise<Buffer> | undefined;
  const render = () => (rendered ??= renderPdfInNode(pipelineCheckDocument('Extracto de cuenta')));

  it('renders a PDF in Node', async () => {
    expect((await render()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it.skipIf(!popplerAvailable)(
    `renders Spanish characters and the euro sign with the embedded fonts ${NEEDS_POPPLER}`,
    async () => {
      const text = pdfText(await render());
      expect(text).toContain('Extracto de cuenta');
      expect(text).toContain('Año, señor, 1.234,56 €');
    },
  );
});
