import { readRegularFile } from '../util/read-regular-file.js';
import { UserError, fsCode } from '../errors.js';

/** A CA bundle is a few KiB; the system's whole store is under 1 MiB. */
const MAX_CA_FILE = 4 * 1024 * 1024;

/** A PEM bundle of extra trusted roots (a CA file), checked to hold at least one certificate. */
export async function readCaFile(file: string): Promise<string> {
  let pem: string;
  try {
    // A bundle of a few CAs: a device or a FIFO named by mistake is refused, not read for ever.
    pem = (await readRegularFile(file, MAX_CA_FILE)).toString('utf8');
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
