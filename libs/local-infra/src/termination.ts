import { constants } from 'node:os';

export interface Termination {
  /** Aborted by the first SIGINT, SIGTERM or SIGHUP: pass it to start-up steps so they stop promptly. */
  signal: AbortSignal;
  /** Resolves with that signal's name. */
  received: Promise<NodeJS.Signals>;
}

const TERMINATION_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Replaces Node's default of dying on the spot, which would orphan the detached Kafka broker. The handlers
 * stay installed, so a second Ctrl-C cannot cut the clean-up short; the caller exits when it is done.
 */
export function watchTermination(): Termination {
  const controller = new AbortController();
  const received = new Promise<NodeJS.Signals>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      controller.abort(new Error(`interrupted by ${signal}`));
      resolve(signal);
    };
    for (const signal of TERMINATION_SIGNALS) process.on(signal, onSignal);
  });
  return { signal: controller.signal, received };
}

/** 128 + the signal's number, what a shell reports for a process the signal ended (130 for Ctrl-C). */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}
