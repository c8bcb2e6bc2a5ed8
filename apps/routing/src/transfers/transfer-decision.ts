import { findRegionByKato, RefusalCode, regionalAkimatId, TransferDecision } from '@app/contracts';
import { matchingRules, type RoutableAppeal, type RuleCandidate } from '../routing/routing-decision';

/** What routing knows of a routed appeal when its holder declines it. */
export interface TransferCase {
  /** Null for an appeal routed before routing kept its place, category and kind: no body can be judged competent. */
  appeal: RoutableAppeal | null;
  /** The body that holds the case now: the routed one, the last one it was transferred to, or escalated to. */
  holderId: string;
  /** Every body that declined it before this request. */
  declinedBy: ReadonlySet<string>;
  /** How many times it has been transferred before this request. */
  transfers: number;
}

export interface TransferRequest {
  decliningId: string;
  suggestedId?: string;
}

export interface TransferDirectory {
  rules: readonly RuleCandidate[];
  /** Whether the body is in the directory and in service. */
  isActive(organizationId: string): boolean;
}

export interface TransferLimits {
  /** Transfers between bodies before a declined case goes to the central reception's triage. */
  maxTransfers: number;
  centralReceptionId: string;
}

export type TransferOutcome =
  | {
      organizationId: string;
      decision: TransferDecision;
      ruleId?: string;
      /** This transfer included. */
      transferCount: number;
    }
  | { refused: RefusalCode; message: string };

/**
 * Where a declined appeal goes. Never back to a body that declined it: first the body the operator suggested,
 * when it is competent; then the most specific routing rule whose body is eligible; then the akimat of the
 * appeal's region (the fallback); else, or once the appeal has been transferred `maxTransfers` times, the
 * central reception, which triages it.
 *
 * Eligible: in the directory, active, and not among the bodies that declined the appeal. Competent: eligible,
 * and a routing rule that covers the appeal (its place, and its category and kind where the rule names them)
 * points at it, or it is the akimat of the appeal's region.
 *
 * The central reception's triage is the end of the line: the limit does not bind it (it forwards a triaged
 * case by the same order, to a body that has not declined it), and it is the one body that can receive a
 * case it declined before. When it declines and no one else is left, the case stays with it (refused).
 */
export function decideTransfer(
  held: TransferCase,
  request: TransferRequest,
  directory: TransferDirectory,
  limits: TransferLimits,
): TransferOutcome {
  if (request.decliningId !== held.holderId)
    return {
      refused: RefusalCode.notTheHolder,
      message: 'the declining body does not hold the case (it was transferred or escalated meanwhile)',
    };
  const transferCount = held.transfers + 1;
  const central = limits.centralReceptionId;
  const triage = (decision: TransferDecision): TransferOutcome =>
    request.decliningId === central
      ? {
          refused: RefusalCode.sameBody,
          message: 'no competent body is left that has not declined the case: the central reception keeps it',
        }
      : { organizationId: central, decision, transferCount };
  if (held.transfers >= limits.maxTransfers && request.decliningId !== central)
    return triage(TransferDecision.transferLimit);
  const { appeal } = held;
  if (!appeal) return triage(TransferDecision.noCandidate);

  const declined = new Set([...held.declinedBy, request.decliningId]);
  const eligible = (id: string): boolean => directory.isActive(id) && !declined.has(id);
  const rules = matchingRules(appeal, directory.rules);
  const fallback = regionalFallback(appeal);
  const competent = (id: string): boolean =>
    eligible(id) && (id === fallback || rules.some((rule) => rule.organizationId === id));

  if (request.suggestedId !== undefined && competent(request.suggestedId))
    return { organizationId: request.suggestedId, decision: TransferDecision.suggested, transferCount };
  const rule = rules.find((candidate) => eligible(candidate.organizationId));
  if (rule)
    return {
      organizationId: rule.organizationId,
      decision: TransferDecision.rule,
      ruleId: rule.id,
      transferCount,
    };
  if (fallback !== undefined && eligible(fallback))
    return { organizationId: fallback, decision: TransferDecision.fallback, transferCount };
  return triage(TransferDecision.noCandidate);
}

/** The akimat of the region the appeal's place lies in. */
function regionalFallback(appeal: RoutableAppeal): string | undefined {
  const region = findRegionByKato(appeal.regionKato);
  return region && regionalAkimatId(region.id);
}
