// The chart of bench/run.ts's results (bench/results/latest.svg).

export interface ChartRow { name: string; ratio: number; against: string }

/** An SVG bar chart of bsd-socket's speed ratios, one bar per row; 1× is a dashed line. */
export function ratioChart(rows: ChartRow[]): string {
  const width = 1100;
  const bar = 20;
  // Room for the longest label at about 6.5 px a character (12 px sans-serif).
  const left = 20 + Math.ceil(6.5 * Math.max(0, ...rows.map((r) => r.name.length)));
  const scale = (width - left - 60) / Math.max(2, ...rows.map((r) => r.ratio));
  const items = rows.map((r, i) => {
    const y = 30 + i * (bar + 6);
    return `<text x="${left - 8}" y="${y + 15}" text-anchor="end" font-size="12">${r.name}</text>`
      + `<rect x="${left}" y="${y}" width="${(r.ratio * scale).toFixed(1)}" height="${bar}" fill="${r.ratio >= 1 ? '#3a7' : '#c63'}"/>`
      + `<text x="${left + r.ratio * scale + 6}" y="${y + 15}" font-size="12">${r.ratio.toFixed(2)}× ${r.against}</text>`;
  }).join('\n');
  const height = 40 + rows.length * (bar + 6);
  const one = left + scale;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<text x="10" y="18" font-size="13">bsd-socket's speed as a ratio to node:net / node:dgram (raw ICMP: to C); higher is better; medians</text>
${items}
<line x1="${one}" y1="24" x2="${one}" y2="${height - 4}" stroke="#333" stroke-dasharray="4 3"/>
</svg>
`;
}
