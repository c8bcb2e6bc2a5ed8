/**
 * A tracking number as intake issues it, e.g. `KZ-2026-7K3M-9Q2X` (year in Kazakhstan, then eight characters of
 * Crockford's base32): what intake's tracking page and the console's decision route accept, upper-cased.
 */
export const TRACKING_NUMBER_PATTERN = /^KZ-\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
