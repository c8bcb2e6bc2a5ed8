import { simpleParser } from 'mailparser';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import { startDeliverySinks, type DeliverySinks } from './delivery-sinks';

const ANY_PORT = { NOTIFICATION_LOCAL_SMTP_PORT: '0', NOTIFICATION_LOCAL_SMS_PORT: '0' };

describe('the local delivery sinks of npm start', () => {
  let localDir: string;
  let sinks: DeliverySinks | undefined;

  beforeEach(() => {
    localDir = mkdtempSync(path.join(tmpdir(), 'delivery-sinks-'));
  });
  afterEach(async () => {
    await sinks?.stop();
    sinks = undefined;
    rmSync(localDir, { recursive: true, force: true });
  });

  it('keeps an e-mail sent over SMTP as a readable .eml file, Kazakh subject and all', async () => {
    const kept: string[] = [];
    sinks = await startDeliverySinks(localDir, ANY_PORT, (file) => kept.push(file));
    expect(sinks.env.NOTIFICATION_MAIL_FROM).toBe('Өтініштер <noreply@appeals.local>');
    expect(sinks.notes[0]).toContain(`.eml files in ${path.join(localDir, 'mail')}`);

    const transport = createTransport(sinks.env.NOTIFICATION_SMTP_URL as string);
    const info = await transport.sendMail({
      from: sinks.env.NOTIFICATION_MAIL_FROM,
      to: 'citizen@example.kz',
      subject: 'Өтінішіңіз тіркелді: ҚР-2025-000123',
      text: 'Құрметті азамат, өтінішіңіз тіркелді.',
    });
    transport.close();

    const files = readdirSync(path.join(localDir, 'mail'));
    expect(files).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d-]+Z-0001\.eml$/)]);
    expect(kept).toEqual([path.join(localDir, 'mail', files[0])]);
    expect(info.response).toBe(`250 Ok: kept as ${files[0]}`);
    const mail = await simpleParser(readFileSync(kept[0]));
    expect(mail.subject).toBe('Өтінішіңіз тіркелді: ҚР-2025-000123');
    expect(mail.text?.trim()).toBe('Құрметті азамат, өтінішіңіз тіркелді.');
  });

  it('keeps an SMS as a .txt file once per idempotency key, as the gateway contract wants', async () => {
    sinks = await startDeliverySinks(localDir, ANY_PORT);
    const post = (key: string | undefined) =>
      fetch(sinks?.env.NOTIFICATION_SMS_GATEWAY_URL as string, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
        body: JSON.stringify({ to: '+77011234567', text: 'Өтінішіңіз тіркелді', sender: 'eOtinish' }),
      });

    const first = await post('n-1');
    const again = await post('n-1');
    expect(first.status).toBe(200);
    const { id } = (await first.json()) as { id: string };
    expect(await again.json()).toEqual({ id });
    expect((await post(undefined)).status).toBe(400);

    const files = readdirSync(path.join(localDir, 'sms'));
    expect(files).toHaveLength(1);
    expect(readFileSync(path.join(localDir, 'sms', files[0]), 'utf8')).toBe(
      `To: +77011234567\nSender: eOtinish\nIdempotency-Key: n-1\nId: ${id}\n\nӨтінішіңіз тіркелді\n`,
    );
  });

  it('starts nothing where a real SMTP server and gateway are configured', async () => {
    sinks = await startDeliverySinks(localDir, {
      NOTIFICATION_SMTP_HOST: 'mail.example.kz',
      NOTIFICATION_SMS_GATEWAY_URL: 'https://sms.example.kz/v1/sms',
    });
    expect(sinks.env).toEqual({});
    expect(sinks.notes).toEqual([]);
  });
});
