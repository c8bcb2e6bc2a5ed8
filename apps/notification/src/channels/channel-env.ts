/** Reading the channels' variables: blanks count as unset, flags are 1 or 0, as elsewhere in the system. */

export function optionalEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function flagFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = optionalEnv(env, name);
  if (value === undefined) return fallback;
  if (value !== '1' && value !== '0') throw new Error(`${name} must be 1 or 0, got "${value}"`);
  return value === '1';
}

/** An http(s) URL; the value is not repeated in the error, as a URL may carry credentials. */
export function httpUrlFromEnv(env: NodeJS.ProcessEnv, name: string): URL | undefined {
  const value = optionalEnv(env, name);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an http(s) URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`${name} must be an http(s) URL`);
  return url;
}
