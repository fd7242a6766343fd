import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { exec, type ExecResult } from './exec.js';
import { CLI } from './cli.js';
import { tempDir } from './temp.js';

/**
 * A GitLab CI job as a runner runs it, on this machine: the job's predefined variables
 * (docs.gitlab.com/ci/variables/predefined_variables), its `id_tokens:` as variables, the dotenv reports
 * of the jobs it needs as variables, and each `script:` line run by bash in the project's folder, the
 * first failing line failing the job. The image's tools are shims on PATH: `npx --yes chartlift@…` runs
 * this build's CLI (the package a job would fetch), `helm` the helm binary given.
 */
export interface GitLabJob {
  name: string;
  stage?: string;
  script: string[];
  id_tokens?: Record<string, { aud: string }>;
  needs?: string[];
  artifacts?: { reports?: { dotenv?: string } };
}

export interface JobRun extends ExecResult {
  /** The dotenv report's variables, read as GitLab reads them. */
  dotenv: Record<string, string>;
  /** The report's text as written. */
  dotenvText?: string;
}

/** The jobs of a .gitlab-ci.yml (every top-level key that has a `script`), in their stages' order. */
export function gitlabJobs(text: string): GitLabJob[] {
  const doc = YAML.parse(text) as Record<string, unknown> & { stages?: string[] };
  const jobs = Object.entries(doc)
    .filter(([, v]) => typeof v === 'object' && v !== null && 'script' in (v as object))
    .map(([name, v]) => ({ name, ...(v as Omit<GitLabJob, 'name'>) }));
  const stages = doc.stages ?? ['build', 'test', 'deploy'];
  return jobs.sort((a, b) => stages.indexOf(a.stage ?? 'test') - stages.indexOf(b.stage ?? 'test'));
}

/**
 * Reads a dotenv report as GitLab's Ci::ParseDotenvArtifactService does, refusing what it refuses: a
 * line without `=`, a blank line, a name not of letters, digits and `_`, a file of 5 KiB or more, more
 * than `maxVariables` (20 on a self-managed instance by default).
 */
export function parseDotenv(text: string, maxVariables = 20): Record<string, string> {
  if (Buffer.byteLength(text) >= 5120) throw new Error(`dotenv report of ${Buffer.byteLength(text)} bytes: GitLab takes less than 5120`);
  const out: Record<string, string> = {};
  for (const line of text.replace(/\n$/, '').split('\n')) {
    const m = /^(.*?)=(.*)$/.exec(line);
    if (!m) throw new Error(`dotenv line without "=": ${JSON.stringify(line)}`);
    const name = m[1].trim();
    if (!/^[a-zA-Z0-9_]+$/.test(name)) throw new Error(`dotenv name GitLab refuses: ${JSON.stringify(name)}`);
    out[name] = m[2].trim();
  }
  if (Object.keys(out).length > maxVariables) throw new Error(`${Object.keys(out).length} dotenv variables: GitLab takes ${maxVariables}`);
  return out;
}

/** The shims of a job's image: npx for this build's CLI, helm for the binary given. */
export async function jobTools(helm: string): Promise<string> {
  const dir = await tempDir('chartlift-gitlab-tools-');
  await writeFile(
    path.join(dir, 'npx'),
    `#!/bin/sh\n# npx --yes chartlift@<version> ARGS: this build's CLI stands for the package.\n[ "$1" = --yes ] && shift\ncase "$1" in chartlift@*) shift; exec "${process.execPath}" "${CLI}" "$@";; esac\necho "npx: only chartlift here ($*)" >&2; exit 127\n`,
  );
  await writeFile(path.join(dir, 'helm'), `#!/bin/sh\nexec "${helm}" "$@"\n`);
  await chmod(path.join(dir, 'npx'), 0o755);
  await chmod(path.join(dir, 'helm'), 0o755);
  return dir;
}

/** Runs one job: its variables, its needs' dotenv variables, its ID tokens, each script line; then its dotenv report. */
export async function runJob(
  job: GitLabJob,
  options: {
    dir: string;
    variables: Record<string, string>;
    tools: string;
    tokens?: (aud: string) => string;
    reports?: Map<string, Record<string, string>>;
  },
): Promise<JobRun> {
  const home = await tempDir(`chartlift-gitlab-${job.name.replace(/[^\w-]/g, '_')}-`);
  await mkdir(path.join(home, '.config'), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: `${options.tools}:${process.env.PATH}`,
    HOME: home,
    ...options.variables,
    CI_JOB_NAME: job.name,
    CI_JOB_STAGE: job.stage ?? 'test',
  };
  for (const need of job.needs ?? []) Object.assign(env, options.reports?.get(need) ?? {});
  for (const [name, { aud }] of Object.entries(job.id_tokens ?? {})) env[name] = options.tokens!(aud);
  let stdout = '';
  let stderr = '';
  for (const line of job.script) {
    const r = await exec('bash', ['-ec', line], { cwd: options.dir, env, timeoutMs: 300_000 });
    stdout += `$ ${line}\n${r.stdout}`;
    stderr += r.stderr;
    if (r.code !== 0) return { code: r.code, stdout, stderr, dotenv: {} };
  }
  const report = job.artifacts?.reports?.dotenv;
  if (!report) return { code: 0, stdout, stderr, dotenv: {} };
  const dotenvText = await readFile(path.join(options.dir, report), 'utf8');
  return { code: 0, stdout, stderr, dotenv: parseDotenv(dotenvText), dotenvText };
}

/** A component's jobs with its inputs interpolated (`$[[ inputs.x ]]`, defaults where not given), as GitLab includes it. */
export function componentJobs(text: string, inputs: Record<string, string | boolean>): GitLabJob[] {
  const [specText, body] = text.split(/^---$/m);
  const spec = YAML.parse(specText) as { spec: { inputs: Record<string, { default?: unknown }> } };
  const values: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(spec.spec.inputs)) {
    if (name in inputs) values[name] = inputs[name];
    else if ('default' in def) values[name] = def.default;
    else throw new Error(`the component's input ${name} has no default and was not given`);
  }
  const filled = body.replace(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g, (_, name: string) => String(values[name]));
  return gitlabJobs(filled);
}
