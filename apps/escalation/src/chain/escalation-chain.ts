import { CENTRAL_RECEPTION_ID, findRegionByKato } from '@app/contracts';

/** Who holds a case at a level: the body routing chose, the region's akim's office, or the central reception. */
export type HolderRule = 'routed' | 'akim-office' | 'central-reception';

export interface LevelConfig {
  code: string;
  rank: number;
  holder: HolderRule;
  enabled: boolean;
}

export interface ChainPosition {
  /** The body routing (or a transfer) gave the case to: the first level's holder. */
  routedOrganizationId: string;
  regionKato: string | null;
}

/** The akim's office of a region: the optional level between the akimat and the central reception. */
export function akimOfficeId(regionId: string): string {
  return `akim-office-${regionId}`;
}

/**
 * The levels a case climbs, as configured (escalation.escalation_level). Default: regional akimat → central
 * reception; the akim's office between them when its row is enabled. A level whose holder cannot be named
 * for a case (an akim's office of a case with no region) is passed over for that case.
 */
export class EscalationChain {
  private readonly levels: readonly LevelConfig[];

  constructor(private readonly configured: readonly LevelConfig[]) {
    this.levels = configured.filter((level) => level.enabled).sort((a, b) => a.rank - b.rank);
    if (this.levels.length === 0) throw new Error('escalation chain: no enabled level');
    if (this.levels[0].holder !== 'routed')
      throw new Error(
        `escalation chain: the first level (${this.levels[0].code}) must be held by the routed body`,
      );
    if (this.levels.at(-1)?.holder !== 'central-reception')
      throw new Error('escalation chain: the last level must be the central reception');
  }

  codes(): string[] {
    return this.levels.map((level) => level.code);
  }

  /** Where a routed case starts: the first level, or the last when routing gave it to the central reception. */
  startFor(position: ChainPosition): string {
    return position.routedOrganizationId === CENTRAL_RECEPTION_ID ? this.last() : this.levels[0].code;
  }

  last(): string {
    return this.levels[this.levels.length - 1].code;
  }

  /** The next level with a holder for this case, or undefined at the last. */
  next(code: string, position: ChainPosition): { level: string; holder: string } | undefined {
    for (const level of this.levels.slice(this.rankOf(code) + 1)) {
      const holder = this.holderOf(level, position);
      if (holder) return { level: level.code, holder };
    }
    return undefined;
  }

  holderAt(code: string, position: ChainPosition): string | undefined {
    return this.holderOf(this.levels[this.rankOf(code)], position);
  }

  private holderOf(level: LevelConfig, position: ChainPosition): string | undefined {
    switch (level.holder) {
      case 'routed':
        return position.routedOrganizationId;
      case 'central-reception':
        return CENTRAL_RECEPTION_ID;
      case 'akim-office': {
        const region = position.regionKato ? findRegionByKato(position.regionKato) : undefined;
        return region ? akimOfficeId(region.id) : undefined;
      }
    }
  }

  /** A level switched off while cases sat on it counts as the enabled one below it; an unknown code as the first. */
  private rankOf(code: string): number {
    const rank = this.configured.find((level) => level.code === code)?.rank ?? Number.NEGATIVE_INFINITY;
    return Math.max(
      0,
      this.levels.findLastIndex((level) => level.rank <= rank),
    );
  }
}
