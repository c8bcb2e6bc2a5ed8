import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LoginThrottleState } from './login-throttle-rules';

interface ThrottleRow {
  failures: number;
  window_started_at: Date;
  blocked_until: Date | null;
  blocks: number;
}

/** Every query on console.login_throttle. */
@Injectable()
export class LoginThrottleRepository {
  async find(
    manager: EntityManager,
    username: string,
    lock = false,
  ): Promise<LoginThrottleState | undefined> {
    const rows = await manager.query<ThrottleRow[]>(
      `SELECT failures, window_started_at, blocked_until, blocks FROM console.login_throttle WHERE username = $1${lock ? ' FOR UPDATE' : ''}`,
      [username],
    );
    const row = rows[0];
    return (
      row && {
        failures: row.failures,
        windowStartedAt: row.window_started_at,
        blockedUntil: row.blocked_until,
        blocks: row.blocks,
      }
    );
  }

  /** Makes sure a row exists, so that {@link find} with a lock serialises two failures of one username. */
  async ensure(manager: EntityManager, username: string): Promise<void> {
    await manager.query(
      `INSERT INTO console.login_throttle (username, failures, window_started_at) VALUES ($1, 0, now())
       ON CONFLICT (username) DO NOTHING`,
      [username],
    );
  }

  async save(manager: EntityManager, username: string, state: LoginThrottleState): Promise<void> {
    await manager.query(
      `UPDATE console.login_throttle SET failures = $2, window_started_at = $3, blocked_until = $4, blocks = $5
       WHERE username = $1`,
      [username, state.failures, state.windowStartedAt, state.blockedUntil, state.blocks],
    );
  }

  async clear(manager: EntityManager, username: string): Promise<void> {
    await manager.query(`DELETE FROM console.login_throttle WHERE username = $1`, [username]);
  }
}
