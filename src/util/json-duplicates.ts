/**
 * The first key that a JSON text's object holds twice, as "config" or "layers[0].mediaType", or
 * undefined. JavaScript's JSON.parse keeps a key's last value; Go's encoding/json merges an object given
 * twice into one (both sets of a map's entries) and reuses a list's elements: two readers of one
 * manifest would see two manifests. The text is taken to be JSON already parsed (bounded) by the caller.
 */
export function duplicateJsonKey(text: string): string | undefined {
  const stack: Array<{ keys?: Set<string>; path: string; index: number; key?: string }> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack.at(-1);
      if (expectKey && top?.keys) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) return `${top.path}${top.path ? '.' : ''}${key}`;
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      const top = stack.at(-1);
      const path = top === undefined ? '' : top.keys ? `${top.path}${top.path ? '.' : ''}${top.key}` : `${top.path}[${top.index}]`;
      stack.push(c === '{' ? { keys: new Set(), path, index: 0 } : { path, index: 0 });
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack.at(-1);
      if (top?.keys) expectKey = true;
      else if (top) top.index++;
    }
  }
  return undefined;
}
