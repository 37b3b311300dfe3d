// Renders a pdfmake document definition in Node for tests, with the same Roboto fonts as the app.
import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

interface NodePdfMake {
  virtualfs: { writeFileSync(path: string, data: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url);
let pdfmake: NodePdfMake | null = null;

function load(): NodePdfMake {
  if (pdfmake) return pdfmake;
  const instance = require('pdfmake') as NodePdfMake;
  const vfs = require('pdfmake/build/vfs_fonts.js') as Record<string, string>;
  for (const [name, base64] of Object.entries(vfs)) {
    instance.virtualfs.writeFileSync(name, Buffer.from(base64, 'base64'));
  }
  instance.setFonts({
    Roboto: {
      normal: 'Roboto-Regular.ttf',
      bold: 'Roboto-Medium.ttf',
      italics: 'Roboto-Italic.ttf',
      bolditalics: 'Roboto-MediumItalic.ttf',
    },
  });
  // Documents never fetch or read anything: images come as data URLs, fonts from the virtual fs.
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy(() => false);
  pdfmake = instance;
  return instance;
}

export async function renderPdfInNode(definition: TDocumentDefinitions): Promise<Buffer> {
  return load().createPdf(definition).getBuffer();
}
