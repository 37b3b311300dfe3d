import { describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn((url: string) => Promise.resolve(url));
vi.mock('electron', () => ({ shell: { openExternal } }));

const { composeMail } = await import('../../../electron/mail-compose');
const { IPC_CHANNELS } = await import('../../../shared/ipc');

describe('mail:compose', () => {
  it('opens only a mailto: URL it built, with subject and CRLF body encoded', async () => {
    const result = await composeMail({
      to: 'ana@example.com',
      subject: 'Facturas & pagos',
      body: 'Hola\nAna',
    });
    expect(result).toEqual({ opened: true });
    expect(openExternal).toHaveBeenCalledWith(
      'mailto:ana%40example.com?subject=Facturas%20%26%20pagos&body=Hola%0D%0AAna',
    );
  });

  it('the request schema refuses a recipient that is not an e-mail address and extra fields', () => {
    const schema = IPC_CHANNELS['mail:compose'].request;
    expect(schema.safeParse({ to: 'javascript:alert(1)', subject: '', body: '' }).success).toBe(
      false,
    );
    expect(
      schema.safeParse({ to: 'a@b.es', subject: '', body: '', url: 'https://x' }).success,
    ).toBe(false);
    expect(schema.safeParse({ to: '', subject: 'Hola', body: 'x' }).success).toBe(true);
  });

  it('a recipient smuggling extra headers stays inside the encoded address', async () => {
    await composeMail({ to: 'a@b.es?cc=evil@x.com', subject: '', body: '' });
    expect(openExternal).toHaveBeenLastCalledWith(
      'mailto:a%40b.es%3Fcc%3Devil%40x.com?subject=&body=',
    );
  });
});
