import { waitUntil } from '@app/local-infra';
import { simpleParser, type ParsedMail } from 'mailparser';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** One e-mail the local mail sink kept (`<dir>/<time>-<sequence>.eml`), parsed. */
export interface KeptMail {
  file: string;
  subject: string;
  /** The plain-text body (or the HTML's text when there is none). */
  text: string;
  html: string;
  parsed: ParsedMail;
}

async function parse(file: string): Promise<KeptMail> {
  const parsed = await simpleParser(await readFile(file));
  const html = typeof parsed.html === 'string' ? parsed.html : '';
  return {
    file,
    subject: parsed.subject ?? '',
    text: parsed.text ?? parsed.textAsHtml ?? html,
    html,
    parsed,
  };
}

/**
 * The newest e-mail in the mail sink's directory about `trackingNumber` (in its subject or body) that `matches`,
 * waiting for it to arrive. The sink names files by time and sequence, so the last name is the newest.
 */
export async function newestMailAbout(
  mailDir: string,
  trackingNumber: string,
  {
    matches = () => true,
    timeoutMs = 30_000,
  }: { matches?: (mail: KeptMail) => boolean; timeoutMs?: number } = {},
): Promise<KeptMail> {
  return waitUntil(
    `an e-mail about ${trackingNumber} in ${mailDir}`,
    async () => {
      const names = (await readdir(mailDir).catch(() => [] as string[])).filter((name) =>
        name.endsWith('.eml'),
      );
      for (const name of names.sort().reverse()) {
        const mail = await parse(path.join(mailDir, name));
        const about = `${mail.subject}\n${mail.text}\n${mail.html}`.includes(trackingNumber);
        if (about && matches(mail)) return mail;
      }
      return undefined;
    },
    { timeoutMs, intervalMs: 250 },
  );
}

/** The answer page's link (`…/track/<number>/answer?response=…&secret=…`) in an e-mail, or undefined. */
export function answerLinkIn(mail: KeptMail): string | undefined {
  const link = /https?:\/\/[^\s"'<>]+\/track\/[^\s"'<>/?]+\/answer\?[^\s"'<>]+/;
  const found = link.exec(mail.text) ?? link.exec(mail.html);
  return found?.[0].replace(/&amp;/g, '&');
}

/** Waits for the e-mail that carries the answer to `trackingNumber`, and answers its link to the answer page. */
export async function answerLinkFor(
  mailDir: string,
  trackingNumber: string,
  timeoutMs = 30_000,
): Promise<string> {
  const mail = await newestMailAbout(mailDir, trackingNumber, {
    matches: (candidate) => answerLinkIn(candidate) !== undefined,
    timeoutMs,
  });
  return answerLinkIn(mail) as string;
}
