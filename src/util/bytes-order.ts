/** Compare strings by their UTF-8 bytes, as Go's sort.Strings does (JS `<` compares UTF-16 units). */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
