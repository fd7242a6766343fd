import { readFile } from 'node:fs/promises';
import { UserError, fsCode } from '../errors.js';

/** A PEM bundle of extra trusted roots (a CA file), checked to hold at least one certificate. */
export async function readCaFile(file: string): Promise<string> {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read the CA file (${fsCode(err) ?? (err as Error).message})`, {
      where: file,
      hint: 'Check the path of the CA file',
      code: 'ca-file-unreadable',
    });
  }
  if (!/-----BEGIN CERTIFICATE-----/.test(pem))
    throw new UserError('holds no PEM certificate', {
      where: file,
      hint: 'A CA file is a PEM bundle (-----BEGIN CERTIFICATE-----)',
      code: 'ca-file-not-pem',
    });
  return pem;
}
