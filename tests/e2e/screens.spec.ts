// Every screen at 1366×768 and 1920×1080, in Spanish and English, light and dark, with an empty
// ledger, one invoice and a few thousand sample invoices. Screenshots go to the test output folder
// (look at them); what a machine can judge is checked on each: no sideways scroll in the main area,
// no amount clipped in a card, no "1 facturas"-style plural, no count of four digits without a
// thousands separator. One page is reused throughout to keep CI time to a few minutes.
import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { setDay } from './support/app-actions';

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const LANGUAGES = ['es', 'en'] as const;
const THEMES = ['light', 'dark'] as const;
const SAMPLE_INVOICES = '5000';

type Language = (typeof LANGUAGES)[number];

interface Screen {
  name: string;
  hash: string;
}

const BASE_SCREENS: Screen[] = [
  { name: 'hoy', hash: '#/hoy' },
  { name: 'facturas', hash: '#/facturas' },
  { name: 'clientes', hash: '#/clientes' },
  { name: 'planes', hash: '#/planes' },
  { name: 'panel', hash: '#/panel' },
  { name: 'importar', hash: '#/importar' },
  { name: 'ajustes', hash: '#/ajustes' },
];

/** Words that end in -s in the singular: "1 mes" is right, "1 facturas" is not. */
const SINGULAR_IN_S = new Set([
  'mes',
  'país',
  'más',
  'lunes',
  'martes',
  'miércoles',
  'jueves',
  'viernes',
  'análisis',
  'is',
  'was',
  'has',
  'this',
  'plus',
  'less',
  'minus',
  'its',
  'us',
  'yes',
]);
const COUNT_NOUNS =
  'facturas?|clientes?|tareas?|plazos?|cobros?|movimientos?|registros?|filas?|avisos?|días|promesas?|planes|plan|invoices?|clients?|tasks?|installments?|instalments?|payments?|movements?|records?|rows?|notifications?|days|promises?|plans?';

/** Sideways scroll and clipped amounts in the main area, and the screen's text. */
async function measureLayout(page: Page): Promise<{ out: string[]; text: string }> {
  return page.evaluate(() => {
    const main = document.querySelector('main, .main');
    const out: string[] = [];
    if (!main) return { out: ['no main area'], text: '' };
    if (main.scrollWidth > main.clientWidth + 1) {
      out.push(`main scrolls sideways: ${main.scrollWidth} > ${main.clientWidth}`);
    }
    // An amount in a card: wholly inside the card, and not cut inside its own box.
    for (const card of Array.from(main.querySelectorAll('.card, .stat'))) {
      const cardBox = card.getBoundingClientRect();
      for (const element of Array.from(card.querySelectorAll('*'))) {
        if (element.children.length > 0) continue;
        const text = element.textContent ?? '';
        if (!/\d\s?€/.test(text)) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0) continue;
        const cut =
          (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) ||
          box.right > cardBox.right + 1 ||
          box.left < cardBox.left - 1;
        if (cut) out.push(`amount clipped in a card: "${text.trim()}"`);
      }
    }
    const shell = document.querySelector('.app-shell') ?? document.body;
    return { out, text: (shell as HTMLElement).innerText };
  });
}

/** The problems a machine can see on the current screen, as readable strings. */
async function screenProblems(page: Page, language: Language): Promise<string[]> {
  const problems: string[] = [];
  let layout = await measureLayout(page);
  // A chart sized for the previous viewport settles on its next resize: only what stays counts.
  if (layout.out.length > 0) {
    await page.waitForTimeout(1_500);
    layout = await measureLayout(page);
  }
  problems.push(...layout.out);
  const text = layout.text;
  for (const match of text.matchAll(/(?<![\d.,])1 (\p{L}+s)\b/gu)) {
    const word = (match[1] ?? '').toLowerCase();
    if (!SINGULAR_IN_S.has(word)) problems.push(`plural after 1: "${match[0]}"`);
  }
  const bareCount = new RegExp(
    `(?<![\\d.,/:-])\\d{4,}(?![\\d.,/:-])[ \\u00a0]+(?:de[ \\u00a0]+|of[ \\u00a0]+)?(?:${COUNT_NOUNS})\\b`,
    'gu',
  );
  for (const match of text.matchAll(bareCount))
    problems.push(`count without grouping: "${match[0]}"`);
  for (const match of text.matchAll(/\b\d{1,3}(?:[.,]\d{3})* (?:de|of) (\d{4,})\b/gu)) {
    problems.push(`count without grouping: "${match[0]}"`);
  }
  if (language === 'en' && /\bfacturas\b/.test(text)) problems.push('Spanish left in English');
  return problems;
}

/** A toast never lies over a button of the screen. */
async function toastsCoverButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const toasts = Array.from(document.querySelectorAll('.toast')).map((toast) =>
      toast.getBoundingClientRect(),
    );
    if (toasts.length > 3) out.push(`${toasts.length} toasts at once`);
    for (const button of Array.from(document.querySelectorAll('main button, main a.button'))) {
      const box = button.getBoundingClientRect();
      if (box.width === 0) continue;
      for (const toast of toasts) {
        const overlap =
          box.left < toast.right &&
          box.right > toast.left &&
          box.top < toast.bottom &&
          box.bottom > toast.top;
        if (overlap) out.push(`toast covers "${button.textContent?.trim()}"`);
      }
    }
    return out;
  });
}

async function setLanguage(page: Page, language: Language): Promise<void> {
  await page.goto('/#/ajustes');
  await page.locator('#language').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** Waits until the screen has its heading and no longer says it is loading. */
async function showScreen(page: Page, screen: Screen): Promise<void> {
  await page.goto(`/${screen.hash}`);
  await expect(page.locator('main h1').first()).toBeVisible();
  await expect(page.locator('main')).not.toContainText(/Cargando|Loading|Leyendo|Reading/, {
    timeout: 60_000,
  });
}

async function captureAll(
  page: Page,
  testInfo: TestInfo,
  state: string,
  screens: Screen[],
): Promise<string[]> {
  const problems: string[] = [];
  for (const language of LANGUAGES) {
    await setLanguage(page, language);
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        for (const screen of screens) {
          await showScreen(page, screen);
          const where = `${state} ${viewport.width}x${viewport.height} ${language} ${theme} ${screen.name}`;
          for (const problem of await screenProblems(page, language)) {
            problems.push(`${where}: ${problem}`);
          }
          for (const problem of await toastsCoverButtons(page)) {
            problems.push(`${where}: ${problem}`);
          }
          await page.screenshot({
            path: testInfo.outputPath(
              `${state}-${viewport.width}x${viewport.height}-${language}-${theme}-${screen.name}.png`,
            ),
          });
        }
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(VIEWPORTS[0]);
  await setLanguage(page, 'es');
  return problems;
}

/** The first link of a list screen, as a screen of its own (a client's page, a plan's page). */
async function firstDetail(page: Page, list: string, name: string): Promise<Screen[]> {
  await page.goto(`/#/${list}`);
  await expect(page.locator('main h1').first()).toBeVisible();
  const link = page.locator(`main a[href^="#/${list}/"]`).first();
  // A long list may still be loading; a list with no entries has no detail screen to show.
  await link.waitFor({ timeout: 20_000 }).catch(() => undefined);
  if ((await link.count()) === 0) return [];
  const href = await link.getAttribute('href');
  return href ? [{ name, hash: href }] : [];
}

test('every screen fits 1366×768 and 1920×1080, in both languages and themes, empty, with one invoice and with thousands', async ({
  page,
}, testInfo) => {
  // A few minutes on an idle CI machine; far longer on a shared, loaded one.
  test.setTimeout(1_800_000);
  await page.setViewportSize(VIEWPORTS[0]);
  await setDay(page, '2026-11-23');
  await page.goto('/');
  const problems: string[] = [];

  // 1. An empty ledger.
  problems.push(...(await captureAll(page, testInfo, 'empty', BASE_SCREENS)));

  // 2. One client with one invoice.
  await page.goto('/#/clientes');
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const clientDialog = page.getByTestId('client-dialog');
  await clientDialog.getByLabel('Nombre o razón social').fill('Reformas Levante SL');
  await clientDialog.getByLabel('NIF, NIE o CIF').fill('B12345674');
  await clientDialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reformas Levante SL' })).toBeVisible();
  await page.getByRole('button', { name: 'Nueva factura' }).click();
  const invoice = page.getByTestId('invoice-dialog');
  await invoice.getByLabel('Número de factura').fill('2026-001');
  await invoice.getByLabel('Fecha de emisión').fill('01/09/2026');
  await invoice.getByLabel('Base imponible (€)').fill('1000');
  await invoice.getByLabel('Fecha de vencimiento 1').fill('01/10/2026');
  await invoice.getByRole('button', { name: 'Guardar' }).click();
  await expect(invoice).toBeHidden();
  const oneClient = await firstDetail(page, 'clientes', 'cliente');
  expect(oneClient).toHaveLength(1);
  problems.push(...(await captureAll(page, testInfo, 'one', [...BASE_SCREENS, ...oneClient])));

  // 3. A few thousand sample invoices (the demonstration; the user's ledger stays apart).
  await page.goto('/#/ajustes');
  await page.getByLabel('Número de facturas').selectOption(SAMPLE_INVOICES);
  await page.getByRole('button', { name: 'Cargar datos de ejemplo' }).click();
  await expect(page.getByText('Datos de ejemplo cargados: 5.000 facturas')).toBeVisible({
    timeout: 180_000,
  });
  // The confirmation toast sits over the sidebar, never over a screen's buttons.
  problems.push(...(await toastsCoverButtons(page)).map((problem) => `sample toast: ${problem}`));

  // The ledger at 1366×768: one row of filters, at least 12 invoices in view, and sorting keeps
  // the place in the list.
  await showScreen(page, { name: 'facturas', hash: '#/facturas' });
  await expect(page.getByTestId('ledger-totals')).toContainText('5.000 facturas');
  const inView = await page
    .getByTestId('ledger-row')
    .evaluateAll(
      (rows) =>
        rows.filter((row) => row.getBoundingClientRect().bottom <= window.innerHeight).length,
    );
  expect(inView, 'invoices fully in view at 1366×768').toBeGreaterThanOrEqual(12);
  const filterTops = await page
    .locator('.ledger-filters__main > *')
    .evaluateAll((items) => new Set(items.map((item) => item.getBoundingClientRect().bottom)).size);
  expect(filterTops, 'search and main filters on one row').toBe(1);
  await expect(page.getByLabel('Emitida desde')).toHaveCount(0);
  const scroll = page.getByTestId('ledger-scroll');
  await scroll.evaluate((element) => (element.scrollTop = 3300));
  await page.locator('[data-sort-column="payable"]').click();
  await expect(page.locator('th[aria-sort="descending"], th[aria-sort="ascending"]')).toHaveCount(
    1,
  );
  expect(await scroll.evaluate((element) => element.scrollTop)).toBe(3300);
  await page.getByRole('button', { name: 'Más filtros' }).click();
  await page.getByLabel('Emitida desde').fill('01/01/2026');
  await expect(page.getByRole('button', { name: 'Más filtros (1)' })).toBeVisible();
  await page.getByRole('button', { name: 'Quitar filtros' }).click();

  // The Panel's figures at 1366×768 hold eight-digit amounts inside their cards.
  await showScreen(page, { name: 'panel', hash: '#/panel' });
  const bigAmounts = await page.locator('.panel-figure .stat__value').evaluateAll((values) =>
    values
      .map((value) => {
        value.textContent = '12.345.678,90 €';
        const card = value.closest('.card')?.getBoundingClientRect();
        const box = value.getBoundingClientRect();
        const cut =
          value.scrollWidth > value.clientWidth + 1 || !card || box.right > card.right - 1;
        return cut ? `${value.scrollWidth} > ${value.clientWidth}` : '';
      })
      .filter(Boolean),
  );
  expect(bigAmounts, 'a figure of 12.345.678,90 € stays inside its card').toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('sample-1366x768-es-light-panel-big.png') });
  // Thousands of unpaid invoices: the VAT list shows the 20 most urgent and offers the rest.
  const vatRows = page.getByTestId('vat-list').locator('tbody tr');
  const vatMore = page.getByTestId('vat-list').getByRole('button', { name: /^Ver \d+ más$/ });
  await expect(vatRows).toHaveCount(20);
  await vatMore.click();
  expect(await vatRows.count()).toBeGreaterThan(20);

  const sampleDetails = [
    ...(await firstDetail(page, 'clientes', 'cliente')),
    ...(await firstDetail(page, 'planes', 'plan')),
  ];
  problems.push(
    ...(await captureAll(page, testInfo, 'sample', [...BASE_SCREENS, ...sampleDetails])),
  );

  expect(problems, problems.join('\n')).toEqual([]);
});
