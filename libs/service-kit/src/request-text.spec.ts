import { unreadableParts } from './request-text';

const request = (originalUrl: string, rawHeaders: string[] = []) => ({ originalUrl, rawHeaders });

describe('unreadableParts', () => {
  it('lets through ordinary paths, queries and headers, Cyrillic and Kazakh escaped as UTF-8 included', () => {
    expect(
      unreadableParts(
        request('/api/v1/admin/users/%D2%9B%D0%B0%D0%B7?q=a+b%20c', ['Accept-Language', 'kk, ru;q=0.8']),
      ),
    ).toEqual([]);
  });

  it.each([
    ['/api/v1/admin/systems/%00/rotate'],
    ['/api/v1/admin/audit?actor=%00'],
    ['/api/v1/admin/users/%C3%28'],
    ['/api/v1/admin/users/%FF'],
    ['/api/v1/admin/users/%E0%A4%A'],
  ])('refuses a URL that decodes to a NUL or to bytes that are not UTF-8 (%s)', (url) => {
    expect(unreadableParts(request(url))).toEqual([
      {
        field: 'url',
        reason: 'url contains a NUL character or bytes that are not UTF-8',
        code: 'invalidCharacters',
      },
    ]);
  });

  it('names each header whose value holds a NUL or bytes that are not UTF-8', () => {
    const latin1OfInvalidUtf8 = Buffer.from([0x61, 0xff]).toString('latin1');
    const utf8AsNodeKeepsIt = Buffer.from('Құпия', 'utf8').toString('latin1');
    expect(
      unreadableParts(
        request('/', ['X-Ok', utf8AsNodeKeepsIt, 'Idempotency-Key', 'a\0b', 'X-Trace', latin1OfInvalidUtf8]),
      ).map(({ field }) => field),
    ).toEqual(['headers.idempotency-key', 'headers.x-trace']);
  });
});
