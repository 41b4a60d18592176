/**
 * The burn of one SLO over the incident as an inline SVG line chart: burn rate per period, with the
 * page threshold (the fastest page pair's rate) and burn rate 1 (the budget spent exactly over the SLO
 * window) as dashed lines. Pure string building; every text is escaped by the caller's escaper.
 */

export interface BurnPoint {
  readonly epochMs: number;
  /** NaN when the period has no data (the line breaks there). */
  readonly burnRate: number;
}

export interface BurnChartOptions {
  readonly title: string;
  readonly pageBurnRate?: number;
  readonly width?: number;
  readonly height?: number;
  readonly escape: (text: string) => string;
}

const PAD = { left: 48, right: 12, top: 24, bottom: 28 };

export function burnChartSvg(points: readonly BurnPoint[], options: BurnChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 200;
  const known = points.filter((p) => Number.isFinite(p.burnRate));
  const maxY = Math.max(1, options.pageBurnRate ?? 0, ...known.map((p) => p.burnRate)) * 1.1;
  const t0 = points.length > 0 ? points[0].epochMs : 0;
  const t1 = points.length > 1 ? points[points.length - 1].epochMs : t0 + 1;
  const x = (t: number) => PAD.left + ((t - t0) / Math.max(1, t1 - t0)) * (width - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / maxY) * (height - PAD.top - PAD.bottom);
  const segments: string[][] = [[]];
  for (const p of points) {
    if (Number.isFinite(p.burnRate)) segments[segments.length - 1].push(`${x(p.epochMs).toFixed(1)},${y(p.burnRate).toFixed(1)}`);
    else if (segments[segments.length - 1].length > 0) segments.push([]);
  }
  const lines = segments.filter((s) => s.length > 0)
    .map((s) => `<polyline fill="none" stroke="#c0392b" stroke-width="1.5" points="${s.join(' ')}"/>`);
  const rule = (value: number, label: string, color: string) =>
    `<line x1="${PAD.left}" x2="${width - PAD.right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}" stroke="${color}" stroke-dasharray="4 3"/>`
    + `<text x="${width - PAD.right}" y="${(y(value) - 3).toFixed(1)}" font-size="10" text-anchor="end" fill="${color}">${options.escape(label)}</text>`;
  const iso = (t: number) => new Date(t).toISOString().replace(/:\d\d\.\d{3}Z$/, 'Z');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${options.escape(options.title)}">`,
    `<text x="${PAD.left}" y="14" font-size="12" font-weight="bold">${options.escape(options.title)}</text>`,
    `<line x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${height - PAD.bottom}" stroke="#888"/>`,
    `<line x1="${PAD.left}" x2="${width - PAD.right}" y1="${height - PAD.bottom}" y2="${height - PAD.bottom}" stroke="#888"/>`,
    `<text x="${PAD.left - 4}" y="${PAD.top + 4}" font-size="10" text-anchor="end">${maxY.toPrecision(3)}×</text>`,
    `<text x="${PAD.left - 4}" y="${height - PAD.bottom}" font-size="10" text-anchor="end">0</text>`,
    rule(1, 'burn rate 1', '#2c7a3f'),
    ...(options.pageBurnRate ? [rule(options.pageBurnRate, `page at ${options.pageBurnRate}×`, '#b9770e')] : []),
    ...lines,
    `<text x="${PAD.left}" y="${height - 8}" font-size="10">${options.escape(iso(t0))}</text>`,
    `<text x="${width - PAD.right}" y="${height - 8}" font-size="10" text-anchor="end">${options.escape(iso(t1))}</text>`,
    known.length === 0 ? `<text x="${width / 2}" y="${height / 2}" font-size="12" text-anchor="middle">no data in the window</text>` : '',
    '</svg>',
  ].join('');
}
