import { after, before } from 'node:test';
import { startArtifactoryFront, type ArtifactoryFront } from '../helpers/fronts/artifactory.js';
import { registryMatrix, withBench, type Target } from '../helpers/fronts/scenario.js';

// The publish through a front that answers as JFrog Artifactory 7.90.1+ does (fronts/artifactory.ts):
// the row `artifactory` of docs/registries.md, where a second ref's blobs go up again (no mount).

const bench = withBench();
let front: ArtifactoryFront;
let target: Target;

before(async () => {
  front = await startArtifactoryFront();
  target = { front, namespace: `${front.repoKey}/charts`, second: `${front.repoKey}/mirror`, user: front.user, password: front.password };
});
after(async () => {
  await front?.stop();
});

registryMatrix('artifactory', () => target, bench);
