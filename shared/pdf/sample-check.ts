// A minimal document used to prove the PDF pipeline (fonts, accents, euro sign) end to end.
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

export function pipelineCheckDocument(title: string): TDocumentDefinitions {
  return {
    info: { title },
    content: [{ text: title, fontSize: 16, bold: true }, 'Año, señor, 1.234,56 €'],
  };
}
