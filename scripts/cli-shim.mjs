#!/usr/bin/env node
// dist/cli/index.js, the `chartlift` command: it marks the CLI face and starts the one bundle.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const out = process.argv[2];
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(
  out,
  "#!/usr/bin/env node\n// The chartlift CLI: the same bundle as the action (../index.js), started as the CLI.\nglobalThis.chartliftFace = 'cli';\nawait import('../index.js');\n",
  { mode: 0o755 },
);
