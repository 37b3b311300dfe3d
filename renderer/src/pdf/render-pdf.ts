// Renders a pdfmake document definition to bytes in the renderer; pdfmake and its fonts load on first use.
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type * as PdfMakeModule from 'pdfmake/build/pdfmake';

type PdfMake = typeof PdfMakeModule;

let loading: Promise<PdfMake> | null = null;

function loadPdfMake(): Promise<PdfMake> {
  // pdfmake with its Roboto fonts is about 1.8 MB: a separate chunk, loaded only when a PDF is made.
  loading ??= Promise.all([
    import('pdfmake/build/pdfmake'),
    import('pdfmake/build/vfs_fonts'),
  ]).then(([pdfMakeModule, fontsModule]) => {
    const pdfMake = (pdfMakeModule as { default?: PdfMake }).default ?? pdfMakeModule;
    const vfs = (fontsModule as { default?: Record<string, string> }).default ?? fontsModule;
    pdfMake.addVirtualFileSystem(vfs as Record<string, string>);
    return pdfMake;
  });
  return loading;
}

export async function renderPdf(definition: TDocumentDefinitions): Promise<Uint8Array> {
  const pdfMake = await loadPdfMake();
  const blob = await pdfMake.createPdf(definition).getBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
