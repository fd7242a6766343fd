// @actions/core imports @actions/exec (and with it child_process, assert and @actions/io) for
// core.platform alone, which asks the OS for its name by running a command. The build maps the
// package to this module (tsconfig.json, `paths`), which loads the real one the first time a command
// runs: a publish, which never asks, loads none of it. The arguments and answers are the real ones.
type Real = typeof import('../../node_modules/@actions/exec/lib/exec.js');

let loading: Promise<Real> | undefined;
/** The real @actions/exec, loaded once (a relative path, so that the build's mapping does not catch it). */
const real = (): Promise<Real> => (loading ??= import('../../node_modules/@actions/exec/lib/exec.js'));

export async function exec(...args: Parameters<Real['exec']>): ReturnType<Real['exec']> {
  return (await real()).exec(...args);
}

export async function getExecOutput(...args: Parameters<Real['getExecOutput']>): ReturnType<Real['getExecOutput']> {
  return (await real()).getExecOutput(...args);
}
