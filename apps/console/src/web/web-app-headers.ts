import { basename, sep } from 'node:path';

/**
 * Only the bundle's own scripts, styles and connections: no inline script, nothing from another origin, no
 * framing. ECharts and React set styles through the DOM, which a style-src without 'unsafe-inline' allows.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Vite names each built asset by its content's hash: such a file never changes, so browsers keep it. */
const HASHED_ASSET = /-[\w-]{8,}\.(js|css|map)$/;

/**
 * The headers of every file of the web UI. `no-referrer` matters: the citizen's answer page carries the
 * answer's secret in its address, which must not leave in a Referer.
 */
export function webAppHeaders(path: string): Record<string, string> {
  const immutable = path.includes(`${sep}assets${sep}`) && HASHED_ASSET.test(basename(path));
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
}
