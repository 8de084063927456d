/** One bar group per scenario, one bar per mode. */
export interface ChartData {
  title: string;
  subtitle: string;
  modes: string[];
  rows: { label: string; values: (number | null)[] }[];
  unit: string;
}

const COLOURS = ['#2f6db5', '#d9822b', '#5a9e4b'];
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A horizontal grouped bar chart as plain SVG: readable in a browser or a pull request, no chart library. */
export function barChartSvg(data: ChartData): string {
  const labelWidth = 230;
  const plotWidth = 520;
  const barHeight = 16;
  const groupGap = 14;
  const top = 70;
  const groupHeight = data.modes.length * barHeight + groupGap;
  const height = top + data.rows.length * groupHeight + 30;
  const width = labelWidth + plotWidth + 110;
  const max = Math.max(...data.rows.flatMap((row) => row.values.filter((value): value is number => value !== null)));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="22" font-size="15" font-weight="bold">${escape(data.title)}</text>`,
    `<text x="12" y="40" fill="#555555">${escape(data.subtitle)}</text>`,
  ];
  data.modes.forEach((mode, m) => {
    const x = labelWidth + m * 200;
    parts.push(`<rect x="${x}" y="50" width="12" height="12" fill="${COLOURS[m % COLOURS.length]}"/>`, `<text x="${x + 18}" y="60">${escape(mode)}</text>`);
  });
  data.rows.forEach((row, r) => {
    const y = top + r * groupHeight;
    parts.push(`<text x="${labelWidth - 8}" y="${y + (data.modes.length * barHeight) / 2 + 4}" text-anchor="end">${escape(row.label)}</text>`);
    row.values.forEach((value, m) => {
      if (value === null) return;
      const barY = y + m * barHeight;
      const barWidth = Math.max(1, (value / max) * plotWidth);
      parts.push(
        `<rect x="${labelWidth}" y="${barY}" width="${barWidth.toFixed(1)}" height="${barHeight - 3}" fill="${COLOURS[m % COLOURS.length]}"/>`,
        `<text x="${(labelWidth + barWidth + 6).toFixed(1)}" y="${barY + barHeight - 6}">${Math.round(value).toLocaleString('en')} ${escape(data.unit)}</text>`,
      );
    });
  });
  parts.push(`<line x1="${labelWidth}" y1="${top - 4}" x2="${labelWidth}" y2="${height - 26}" stroke="#999999"/>`, '</svg>');
  return `${parts.join('\n')}\n`;
}
