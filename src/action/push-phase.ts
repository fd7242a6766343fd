import * as core from '@actions/core';
import { Http } from '../oci/http.js';
import { retryPolicy } from '../oci/retry.js';
import { readCaFile } from '../oci/tls-options.js';
import { RegistryClient } from '../oci/registry.js';
import type { BuiltChart } from '../release/build.js';
import { pushArtifact } from '../release/push.js';
import { describeLines } from '../release/report.js';
import { humanSize } from '../util/human-size.js';
import type { Inputs } from './inputs.js';
import { chooseCredential, login } from './login.js';
import type { Status } from './outputs.js';

/** Logs in (when credentials are given), pushes, and reports as the seed's `helm chart push` does. */
export async function pushPhase(inputs: Inputs, built: BuiltChart): Promise<{ status: Status; digest: string }> {
  const host = built.ref.registry;
  const http = await connection(inputs);
  try {
    const { credential, source } = await chooseCredential(inputs, host);
    const client = new RegistryClient(http, host, {
      plainHttp: inputs.plainHttp,
      credential,
      policy: retryPolicy(inputs.retries, inputs.timeoutSeconds),
      log: (line) => core.info(line),
    });
    if (source === 'inputs') await core.group(`Log in to ${host}`, () => login(client, inputs));
    else
      core.info(
        source === 'anonymous'
          ? `No credentials for ${host}: pushing anonymously`
          : `Using the stored credentials for ${host} from ${source}`,
      );

    core.info(`The push refers to repository [${host}/${built.ref.repository}]`);
    for (const line of describeLines(built)) core.info(line);
    const outcome = await pushArtifact(client, built.ref, built.artifact, inputs.ifExists);
    const tag = built.ref.tag;
    const layers = built.artifact.layers;
    const total = layers.reduce((n, l) => n + l.size, 0);
    if (outcome.status === 'pushed')
      core.info(`${tag}: pushed to remote (${layers.length} layer${layers.length === 1 ? '' : 's'}, ${humanSize(total)} total)`);
    else if (outcome.status === 'unchanged') core.info(`${tag}: unchanged (the registry already holds ${outcome.digest})`);
    else core.info(`${tag}: skipped (the tag holds ${outcome.digest}; if-exists: skip)`);
    return outcome;
  } finally {
    await http.close();
  }
}

/** The HTTP client for this run: extra CA roots, or (loudly) no certificate checks at all. */
async function connection(inputs: Inputs): Promise<Http> {
  if (inputs.insecureSkipTlsVerify) {
    core.warning(
      "insecure-skip-tls-verify is on: the registry's TLS certificate is NOT checked, so anyone on the network path can read the credentials and change what is pushed. Use ca-file instead.",
    );
  }
  const ca = inputs.caFile ? await readCaFile(inputs.caFile) : undefined;
  return new Http({ userAgent: 'chartlift', ca, insecure: inputs.insecureSkipTlsVerify, timeoutMs: inputs.timeoutSeconds * 1000 });
}
