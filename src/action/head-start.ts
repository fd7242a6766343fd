import { resolveChartRef } from '../artifact/chart-ref.js';
import { peekChart } from '../chart/peek.js';
import { earlyPing, earlyTagLookup, sendEarly, type EarlyRequest } from '../oci/early-request.js';
import { settingLines } from '../release/setting-values.js';
import { Input, State } from './constants.js';

/**
 * The main step's first registry request, sent by the bundle's entry before the step's code is
 * loaded (src/oci/early-request.ts), when the inputs say plainly what it is: one chart folder, its
 * Chart.yaml simple, a first `ref`, pushing. With `username`/`password` the first request is the
 * login's ping, else the tag's look-up. Never throws and never logs: whatever is wrong is the
 * step's to find and say, as if nothing had been sent.
 */
export function headStart(env: NodeJS.ProcessEnv = process.env): void {
  const req = firstRequest(env);
  try {
    if (req) sendEarly(req);
  } catch {
    // Not sent: the step sends it itself, and says what is wrong with it.
  }
}

/** The request, read from the inputs as @actions/core reads them; undefined for the post step or any doubt (never throws). */
export function firstRequest(env: NodeJS.ProcessEnv): EarlyRequest | undefined {
  const raw = (name: string): string => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
  const input = (name: string): string => raw(name).trim();
  const flag = (name: string, otherwise: boolean): boolean | undefined => {
    const v = input(name);
    if (v === '') return otherwise;
    if (v === 'true' || v === 'True' || v === 'TRUE') return true;
    if (v === 'false' || v === 'False' || v === 'FALSE') return false;
    return undefined;
  };

  if (env[`STATE_${State.isPost}`] === 'true') return undefined;
  const plainHttp = flag(Input.plainHttp, false);
  if (flag(Input.push, true) !== true || plainHttp === undefined) return undefined;
  // HTTPS with another trust than the default would need the step's own agent: it waits.
  if (!plainHttp && (flag(Input.insecureSkipTlsVerify, false) !== false || input(Input.caFile) !== '')) return undefined;
  const charts = settingLines(input(Input.chart));
  const refs = settingLines(input(Input.ref));
  if (charts.length !== 1 || refs.length === 0 || /[*?[\]{}!]|\.tgz$/i.test(charts[0])) return undefined;
  const chart = peekChart(charts[0]);
  if (!chart) return undefined;
  let ref;
  try {
    ({ ref } = resolveChartRef(refs[0], chart.name, input(Input.version) || chart.version));
  } catch {
    return undefined; // the step refuses it, and says why
  }
  const base = `${plainHttp ? 'http' : 'https'}://${ref.registry}`;
  // readInputs takes the password as written, spaces and all.
  return input(Input.username) && raw(Input.password) ? earlyPing(base) : earlyTagLookup(base, ref.repository, ref.tag);
}
