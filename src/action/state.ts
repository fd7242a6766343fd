import * as core from '@actions/core';
import { State } from './constants.js';

/** What the post step needs to undo a login: paths only, never a secret. */
export interface LoginRecord {
  host: string;
  file: string;
  /** A 0600 file in RUNNER_TEMP holding the entry this login wrote and the one it replaced. */
  record: string;
}

/** A tag this job wrote, and the manifest it wrote there: what the post step reads back (no secret). */
export interface PushedTag {
  /** host/repository:tag */
  ref: string;
  digest: string;
}

/**
 * The one owner of the action's state (docker/login-action's state-helper): what main hands to post,
 * and nothing secret: a login record carries paths, and is checked for its shape when read back.
 */
export const state = {
  markPost(): void {
    core.saveState(State.isPost, 'true');
  },
  isPost(): boolean {
    return core.getState(State.isPost) === 'true';
  },
  saveLogins(records: LoginRecord[]): void {
    core.saveState(State.logins, JSON.stringify(records.map(({ host, file, record }) => ({ host, file, record }))));
  },
  savePushed(tags: PushedTag[]): void {
    core.saveState(State.pushed, JSON.stringify(tags.map(({ ref, digest }) => ({ ref, digest }))));
  },
  pushed(): PushedTag[] {
    const raw = core.getState(State.pushed);
    if (!raw) return [];
    const parsed = JSON.parse(raw) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((t): t is PushedTag => typeof t?.ref === 'string' && typeof t?.digest === 'string');
  },
  logins(): LoginRecord[] {
    const raw = core.getState(State.logins);
    if (!raw) return [];
    const parsed = JSON.parse(raw) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (r): r is LoginRecord => typeof r?.host === 'string' && typeof r?.file === 'string' && typeof r?.record === 'string',
    );
  },
};
