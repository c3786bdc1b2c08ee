/**
 * Splits text into lines of at most `budget` characters, at spaces; a word longer than the budget
 * is cut. The server cannot measure text, so budgets are set for the narrowest screen (320 px) with
 * a character width above the average of the sans fonts in use.
 */
export function wrap(text: string, budget: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > budget) {
      if (line) lines.push(line);
      lines.push(word.slice(0, budget));
      word = word.slice(budget);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= budget) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
