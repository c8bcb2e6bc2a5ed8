import { join } from 'node:path';
import { webAppHeaders } from './web-app-headers';

describe('the headers of the web UI', () => {
  it('let browsers keep a hashed bundle file for good', () => {
    expect(webAppHeaders(join('/srv', 'assets', 'index-TCk628kw.js'))['Cache-Control']).toBe(
      'public, max-age=31536000, immutable',
    );
  });

  it('make browsers ask again for the page itself, which names the current bundle', () => {
    expect(webAppHeaders(join('/srv', 'index.html'))['Cache-Control']).toBe('no-cache');
  });

  it('allow no script but the bundle, no framing, and send no Referer with the answer link', () => {
    const headers = webAppHeaders(join('/srv', 'index.html'));
    expect(headers['Content-Security-Policy']).toContain("script-src 'self'");
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(headers['Content-Security-Policy']).not.toContain('unsafe-inline');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
  });
});
