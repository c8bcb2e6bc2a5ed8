import { isZero, parseSpan, type Span } from './span';

/** How long a level has to answer, and when before the deadline its staff are warned. */
export interface DeadlinePolicy {
  due: Span;
  /** Warning points, each a span before the deadline; fired latest-passed first, each at most once. */
  warnBefore: Span[];
}

/** The legal rules around the deadline that are not per level (АППК arts. 65 and 76). */
export interface LegalRules {
  /** A body that is not competent forwards the appeal within this (АППК art. 65). */
  forwarding: Span;
  /** The longest an extension may reach beyond the original deadline, in total (АППК art. 76). */
  extensionLimit: Span;
  /** The citizen is told of an extension within this (АППК art. 76). */
  extensionNotice: Span;
}

export interface StoredPolicy {
  due: string;
  warnBefore: string[];
}

/** АППК art. 76: 15 working days; staff are warned 3 and 1 working days ahead. The fallback of every lookup. */
export const LEGAL_DEFAULT_POLICY: StoredPolicy = {
  due: '15 working days',
  warnBefore: ['3 working days', '1 working day'],
};

export const LEGAL_DEFAULT_RULES: Record<keyof LegalRules, string> = {
  forwarding: '3 working days',
  extensionLimit: 'P2M',
  extensionNotice: '3 working days',
};

export function parsePolicy(stored: StoredPolicy): DeadlinePolicy {
  const due = parseSpan(stored.due, 'due');
  if (isZero(due)) throw new Error(`due: "${stored.due}" must be longer than nothing`);
  // Units may mix: a drill may warn in working days, a legal deadline an hour ahead.
  return { due, warnBefore: stored.warnBefore.map((text) => parseSpan(text, 'warn before')) };
}

export function parseRules(stored: Record<keyof LegalRules, string>): LegalRules {
  return {
    forwarding: parseSpan(stored.forwarding, 'forwarding'),
    extensionLimit: parseSpan(stored.extensionLimit, 'extension limit'),
    extensionNotice: parseSpan(stored.extensionNotice, 'extension notice'),
  };
}
