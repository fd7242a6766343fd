import { UserError } from '../errors.js';

/**
 * Reads one line from a terminal; with `secret`, nothing is echoed (`helm registry login`'s `Password:`
 * prompt). Without a terminal, fails with the hint `otherwise`: how to give the value instead.
 */
export async function prompt(question: string, secret: boolean, otherwise: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY)
    throw new UserError(`${question.replace(/:\s*$/, '')} is needed, but standard input is not a terminal`, { hint: otherwise });
  process.stderr.write(question);
  stdin.setRawMode(secret);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UserError('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const done = (err?: Error): void => {
      stdin.off('data', onData);
      if (secret) stdin.setRawMode(false);
      stdin.pause();
      if (secret) process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    stdin.on('data', onData);
  });
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
