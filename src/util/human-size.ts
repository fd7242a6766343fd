/** Bytes as `helm chart` (Helm 3.0–3.6) prints them: `454 B`, `2.4 KiB`, `28.1 KiB`, `1.2 MiB` (one decimal, binary units). */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
