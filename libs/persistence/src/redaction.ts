/**
 * Database drivers and JSON parsers quote values of the row or input they failed on in their messages, and
 * those values are citizens' names, IINs, e-mails and texts. Everything that logs an error or puts it in a
 * dead letter goes through here. It lives in persistence, the lowest lib, so that persistence (TypeORM's
 * logger), messaging and service-kit all use one redaction.
 */

const REDACTED = '…';

// `Key (iin)=(900101300017)` in PostgreSQL's key detail. Columns and values may hold one level of
// parentheses (`lower(email::text)`, `Asel (Aru)`); the value ends at a `)` followed by the end, a space
// or punctuation, and when its parentheses do not balance, at the first such `)`.
const KEY_DETAIL = /\((?:[^()]|\([^()]*\))*\)=\((?:(?:[^()]|\([^()]*\))*?|.*?)\)(?=$|\s|[.,;](?:\s|$))/g;

/** A `"` that can start a quoted value: at the start, or after a space, `(`, `=`, `:`, `,` or V8's `...`. */
function canOpen(text: string, at: number): boolean {
  return at === 0 || /[\s(=:,.]/.test(text[at - 1]);
}

/** A `"` that can end a quoted value: at the end, or before a space, V8's `...`, or `.`, `,`, `;`, `)` and a space. */
function canClose(text: string, at: number): boolean {
  const next = text[at + 1];
  if (next === undefined || /\s/.test(next) || text.startsWith('...', at + 1)) return true;
  return /[.,;)]/.test(next) && (text[at + 2] === undefined || /\s/.test(text[at + 2]));
}

/**
 * Drivers quote values without escaping them (`invalid input syntax for type bigint: "9001…"`, V8's JSON
 * excerpt `"{"iin": 9001…"`), so a quoted value runs from an opening `"` to the first closing `"` that is
 * followed by another opening one or by nothing; a `"` that is never closed hides the rest of the text.
 */
function redactQuoted(text: string): string {
  const quotes: number[] = [];
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) quotes.push(at);
  let result = '';
  let copied = 0;
  let next = 0;
  while (next < quotes.length) {
    const start = quotes[next];
    let end = -1;
    for (let candidate = next + 1; candidate < quotes.length; candidate++) {
      const last = candidate === quotes.length - 1;
      if (canClose(text, quotes[candidate]) && (last || canOpen(text, quotes[candidate + 1]))) {
        end = candidate;
        break;
      }
    }
    result += text.slice(copied, start);
    if (end === -1) return `${result}"${REDACTED}`;
    result += `"${REDACTED}"`;
    copied = quotes[end] + 1;
    next = end + 1;
  }
  return result + text.slice(copied);
}

/**
 * Hides the values that database and JSON error messages quote, keeping their wording: the contents of
 * double-quoted strings become `"…"` and key details `(iin)=(900101300017)` become `(…)=(…)`.
 */
export function redactValues(text: string): string {
  return redactQuoted(text.replace(KEY_DETAIL, `(${REDACTED})=(${REDACTED})`));
}

/** A short description without values: name, SQLSTATE or node code, and the first line, redacted. */
export function describeError(error: unknown): string {
  const errorLike = (error ?? {}) as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
  };
  const name = typeof errorLike.name === 'string' ? errorLike.name : 'Error';
  const driver = (errorLike.driverError ?? {}) as { code?: unknown };
  const code =
    typeof driver.code === 'string' ? driver.code : typeof errorLike.code === 'string' ? errorLike.code : '';
  const message =
    typeof errorLike.message === 'string' ? redactValues(errorLike.message.split('\n')[0]).slice(0, 200) : '';
  const label = [name, code && `(${code})`].filter(Boolean).join(' ');
  return message ? `${label}: ${message}` : label;
}
