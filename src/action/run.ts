import { errorLine } from '../errors.js';
import { ACTION_HINTS } from './hints.js';
import { log as out } from './log.js';
import { startSigner } from '../sign/signer.js';
import { onCacheWarning } from '../oci/layout.js';
import { dropEarly, earlyOutcome } from '../oci/early-request.js';
import { splitReference } from '../oci/reference.js';
import { publishCharts } from '../release/publish.js';
import { readInputs } from './inputs.js';
import { setOutputs } from './outputs.js';
import { openActionRegistries } from './registries.js';
import { writeSummary } from './summary.js';
import { redact } from './secrets.js';
import { state } from './state.js';

const EARLY_WORDS = {
  sent: 'still unanswered',
  used: 'its answer was the first one the step needed',
  dropped: 'dropped, the step asked that registry something else first',
  stale: 'dropped, the step asked more than a second after it was sent, and asked the registry again',
  unused: 'not used, the step asked that registry nothing',
} as const;

/**
 * The main step: the inputs read and checked, the signers started, the registries opened (with the
 * inputs' login), and the publication (src/release/publish.ts) run; then its results as outputs and
 * the job summary. One failing chart fails the step, but the others still publish.
 */
export async function publish(): Promise<void> {
  onCacheWarning(out.warning);
  const inputs = readInputs();
  // Signing (OpenPGP, the key's unlocking) starts now: it overlaps the charts' loading and the registry's answers.
  const signer = inputs.sign ? startSigner(inputs.sign) : undefined;
  // Keyless: the ID token permission is checked now, before anything is pushed (a plan signs nothing: none is asked).
  const keyless =
    inputs.keyless && !inputs.plan
      ? await (await import('./keyless.js')).actionKeylessSigner(inputs.keyless, { info: out.info, warning: out.warning })
      : undefined;
  const registries = await openActionRegistries(inputs, splitReference(inputs.refs[0]).registry);
  let published;
  try {
    published = await publishCharts(
      {
        charts: inputs.charts,
        refs: inputs.refs,
        push: inputs.push,
        cache: inputs.cache,
        ifExists: inputs.ifExists,
        artifacthubRepo: inputs.artifacthubRepo || undefined,
        keyless,
        plan: inputs.plan,
        planKeyless: inputs.keyless !== undefined,
        expectDigests: inputs.expectDigests,
        registries,
        // Read back at once: the post step reads every tag this job wrote again, after the job's other steps.
        readBack: 'now',
        build: {
          env: process.env,
          workspace: process.env.GITHUB_WORKSPACE || undefined,
          signer,
          overrides: {
            version: inputs.version || undefined,
            appVersion: inputs.appVersion || undefined,
            annotations: inputs.annotations,
            layerMediaType: inputs.layerMediaType,
            codeUrl:
              process.env.GITHUB_SERVER_URL && process.env.GITHUB_REPOSITORY
                ? `${process.env.GITHUB_SERVER_URL}/${process.env.GITHUB_REPOSITORY}`
                : undefined,
          },
          artifactHub: { lint: inputs.artifacthubLint, signKeyUrl: inputs.signKeyUrl || undefined },
        },
        // The error as the charts output holds it: secrets written *** (the runner drops an output that holds one).
        errorLine: (err) => redact(errorLine(err, ACTION_HINTS)),
      },
      out,
    );
  } finally {
    await registries.close();
    // The step is done with its registries: an early request none of them asked for is dropped now.
    dropEarly();
    const early = earlyOutcome();
    if (early !== 'none') out.debug(`The registry request sent before the step's code was loaded: ${EARLY_WORDS[early]}`);
  }
  const { results, errors } = published;
  state.savePushed(results.flatMap((r) => r.targets.filter((t) => t.status === 'pushed').map((t) => ({ ref: t.ref, digest: t.digest }))));
  const made = inputs.githubRelease
    ? await (
        await import('./releases.js')
      ).makeReleases(results, { cache: inputs.cache, token: inputs.githubToken, env: process.env, log: out })
    : undefined;
  for (const [i, err] of made?.errors ?? []) {
    errors.set(i, err);
    // With one chart, its error is the step's own, below; with several, each is said beside its chart.
    if (results.length > 1) out.error(`${results[i].source}: ${redact(errorLine(err, ACTION_HINTS))}`, err);
  }
  setOutputs(results, { plan: inputs.plan, releases: made?.releases });
  await writeSummary(results, { plan: inputs.plan, releases: made?.releases });
  if (errors.size === 0) return;
  if (results.length === 1) throw errors.get(0);
  const failed = [...errors.keys()].sort((a, b) => a - b).map((i) => results[i].source);
  throw new Error(`${failed.length} of ${results.length} charts failed: ${failed.join(', ')} (see the errors above)`);
}
