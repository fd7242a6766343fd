import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { run } from './exec.js';

/** A git repository for tests, every commit at a fixed, increasing time (as a real history has). */
export class GitRepo {
  #time = 1_600_000_000;
  constructor(readonly dir: string) {}

  static async init(dir: string): Promise<GitRepo> {
    await mkdir(dir, { recursive: true });
    const repo = new GitRepo(dir);
    await repo.git(['init', '-q', '-b', 'main']);
    return repo;
  }

  git(args: string[]): Promise<string> {
    const date = `@${this.#time} +0000`;
    return run('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], {
      cwd: this.dir,
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
  }

  /** Commits everything in the work tree; returns the new commit's id. */
  async commit(message: string): Promise<string> {
    this.#time += 3600;
    await this.git(['add', '-A']);
    await this.git(['commit', '-q', '--allow-empty', '-m', message]);
    return (await this.git(['rev-parse', 'HEAD'])).trim();
  }

  /** `actions/checkout` with its default fetch-depth: 1, at `commit`, into `dest`. */
  async shallowClone(commit: string, dest: string): Promise<string> {
    await run('git', ['init', '-q', dest]);
    const g = (args: string[]) => run('git', args, { cwd: dest });
    await g(['remote', 'add', 'origin', `file://${path.resolve(this.dir)}`]);
    await g(['-c', 'protocol.version=2', 'fetch', '-q', '--no-tags', '--depth=1', 'origin', commit]);
    await g(['checkout', '-q', '--force', 'FETCH_HEAD']);
    return dest;
  }
}
