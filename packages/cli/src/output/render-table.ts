/**
 * A plain text table with padded columns, for `check`. Widths count code points, so unicode
 * names line up in a terminal as well as they can.
 */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const width = (text: string) => [...text].length;
  const widths = headers.map((header, i) => Math.max(width(header), ...rows.map((row) => width(row[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell + " ".repeat((widths[i] ?? 0) - width(cell))))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}
