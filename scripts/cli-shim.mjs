#!/usr/bin/env node
// dist/cli/index.js, the `chartlift` command: it marks the CLI face and starts the one bundle.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Chartlift's own version (`chartlift --version`), written in now: nothing is read at run time.
const { version } = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8'));

const out = process.argv[2];
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(
  out,
  `#!/usr/bin/env node\n// The chartlift CLI: the same bundle as the action (../index.js), started as the CLI.\nglobalThis.chartliftFace = 'cli';\nglobalThis.chartliftVersion = ${JSON.stringify(version)};\nawait import('../index.js');\n`,
  { mode: 0o755 },
);
