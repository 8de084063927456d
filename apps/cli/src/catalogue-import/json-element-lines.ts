/**
 * The line each element of the top-level arrays of a JSON object starts on (`{ "titles": [ {…}, {…} ] }` →
 * `{ titles: [2, 3] }`), so a bad element can be reported by line like a CSV row. JSON.parse gives no positions,
 * hence this small scanner; it expects text JSON.parse has already accepted.
 */
export function jsonElementLines(text: string): Record<string, number[]> {
  const lines: Record<string, number[]> = {};
  let line = 1;
  let depth = 0;
  let expectingKey = false;
  let key: string | null = null;
  let array: number[] | null = null;
  let awaitingElement = false;

  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') line += 1;
    if (/\s/.test(char)) continue;
    if (array && depth === 2 && awaitingElement && char !== ']') {
      array.push(line);
      awaitingElement = false;
    }
    if (char === '"') {
      let value = '';
      for (i += 1; text[i] !== '"'; i++) value += text[i] === '\\' ? text[++i] : text[i];
      if (depth === 1 && expectingKey) {
        key = value;
        expectingKey = false;
      }
    } else if (char === '{' || char === '[') {
      depth += 1;
      if (depth === 1) expectingKey = true;
      if (depth === 2 && char === '[' && key !== null) {
        array = lines[key] = [];
        awaitingElement = true;
      }
    } else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 1) array = null;
    } else if (char === ',') {
      if (depth === 1) expectingKey = true;
      if (depth === 2 && array) awaitingElement = true;
    }
  }
  return lines;
}
