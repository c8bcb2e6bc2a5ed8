import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { digestOf } from '../secrets';
import type { LoginThrottleState } from './login-throttle-rules';

interface ThrottleRow {
  failures: number;
  window_started_at: Date;
  blocked_until: Date | null;
  blocks: number;
}

/** Every query on console.login_throttle, which knows a username only by its SHA-256. */
@Injectable()
export class LoginThrottleRepository {
  async find(
    manager: EntityManager,
    username: string,
    lock = false,
  ): Promise<LoginThrottleState | undefined> {
    const rows = await manager.query<ThrottleRow[]>(
      `SELECT failures, window_started_at, blocked_until, blocks FROM console.login_throttle WHERE username_sha256 = $1${lock ? ' FOR UPDATE' : ''}`,
      [digestOf(username)],
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
      `INSERT INTO console.login_throttle (username_sha256, failures, window_started_at) VALUES ($1, 0, now())
       ON CONFLICT (username_sha256) DO NOTHING`,
      [digestOf(username)],
    );
    // Usernames nobody logs in with again would stay for ever: a day without a failure forgets them.
    await manager.query(
      `DELETE FROM console.login_throttle
       WHERE window_started_at < now() - interval '1 day' AND (blocked_until IS NULL OR blocked_until < now())`,
    );
  }

  async save(manager: EntityManager, username: string, state: LoginThrottleState): Promise<void> {
    await manager.query(
      `UPDATE console.login_throttle SET failures = $2, window_started_at = $3, blocked_until = $4, blocks = $5
       WHERE username_sha256 = $1`,
      [digestOf(username), state.failures, state.windowStartedAt, state.blockedUntil, state.blocks],
    );
  }

  async clear(manager: EntityManager, username: string): Promise<void> {
    await manager.query(`DELETE FROM console.login_throttle WHERE username_sha256 = $1`, [
      digestOf(username),
    ]);
  }
}
