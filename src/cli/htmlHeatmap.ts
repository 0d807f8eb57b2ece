import { describePoolWeek, formatShortDay, PoolWeek, PoolWeeks } from '../core';
import { escapeHtml, htmlTable } from './html';

/** The drawing's sizes in pixels, and the characters of a pool's label drawn (the full label is its title and in the table). */
const SIZE = { label: 300, cellWidth: 52, cellHeight: 24, header: 28, legend: 40, labelCharacters: 44 } as const;

/** Fill of a week: grey when nothing is reserved, light to dark blue as utilisation rises to 100%, red above. */
export function utilisationColour(week: PoolWeek): string {
  const share = week.utilisation;
  if (share === null) return '#eeeeee';
  if (week.overbooked || share > 1) return '#c53030';
  const mix = (from: number, to: number) => Math.round(from + (to - from) * share).toString(16).padStart(2, '0');
  return `#${mix(0xf2, 0x1c)}${mix(0xf6, 0x4e)}${mix(0xfc, 0x8a)}`;
}

type PoolRow = PoolWeeks['pools'][number];

/**
 * The heatmap of pools by week as inline SVG (`role="img"`, a title and a description), and its text
 * alternative: a table of the same cells in words. An over-booked week is red, striped and outlined, so
 * it is told apart without colour.
 */
export function htmlHeatmap(poolWeeks: PoolWeeks, pools: readonly PoolRow[]): string {
  const weeks = poolWeeks.weeks;
  const width = SIZE.label + SIZE.cellWidth * weeks.length;
  const height = SIZE.header + SIZE.cellHeight * pools.length + SIZE.legend;
  const weekLabels = weeks.map((_, w) => `<text x="${SIZE.label + SIZE.cellWidth * w + SIZE.cellWidth / 2}" y="18" text-anchor="middle">${escapeHtml(formatShortDay(poolWeeks.firstDay + 7 * w))}</text>`);
  const rows = pools.map((row, p) => heatmapRow(row, SIZE.header + SIZE.cellHeight * p));
  const description = `${pools.length} pools by ${weeks.length} weeks from the week of ${weeks[0]}; utilisation as colour, over-booked weeks striped and outlined. The table below gives the same cells in words.`;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="heatmap-title heatmap-desc" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title id="heatmap-title">Utilisation of each pool by week</title>`,
    `<desc id="heatmap-desc">${escapeHtml(description)}</desc>`,
    `<defs><pattern id="overbooked" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2" height="6" fill="#ffffff" fill-opacity="0.7"/></pattern></defs>`,
    ...weekLabels,
    ...rows,
    legend(SIZE.header + SIZE.cellHeight * pools.length + 12),
    `</svg>`,
  ].join('\n');
  const table = htmlTable('Utilisation of each pool by week (the heatmap in words)', ['Pool', ...weeks.map((week) => `Week of ${week}`)],
    pools.map((row) => [row.label, ...row.weeks.map(describePoolWeek)]), 'heatmap-table');
  return `<figure class="heatmap">\n${svg}\n</figure>\n${table}`;
}

function heatmapRow(row: PoolRow, y: number): string {
  const label = row.label.length > SIZE.labelCharacters ? `${row.label.slice(0, SIZE.labelCharacters - 1)}…` : row.label;
  const cells = row.weeks.map((week, w) => {
    const x = SIZE.label + SIZE.cellWidth * w;
    const title = `<title>${escapeHtml(`${row.label}, week of ${week.week}: ${describePoolWeek(week)}`)}</title>`;
    const cell = `<rect x="${x + 1}" y="${y + 1}" width="${SIZE.cellWidth - 2}" height="${SIZE.cellHeight - 2}" fill="${utilisationColour(week)}">${title}</rect>`;
    if (!week.overbooked) return cell;
    // Stripes and a dark outline: over-booked is not told by colour alone.
    return `${cell}<rect class="overbooked" x="${x + 1}" y="${y + 1}" width="${SIZE.cellWidth - 2}" height="${SIZE.cellHeight - 2}" fill="url(#overbooked)" stroke="#000000" stroke-width="2">${title}</rect>`;
  });
  return `<g><text x="4" y="${y + 16}">${escapeHtml(label)}<title>${escapeHtml(row.label)}</title></text>${cells.join('')}</g>`;
}

function legend(y: number): string {
  const swatch = (x: number, fill: string, text: string, extra = '') =>
    `<rect x="${x}" y="${y}" width="16" height="16" fill="${fill}"${extra}/><text x="${x + 22}" y="${y + 12}">${text}</text>`;
  const zero = utilisationColour({ utilisation: 0, overbooked: false } as PoolWeek);
  const full = utilisationColour({ utilisation: 1, overbooked: false } as PoolWeek);
  return `<g class="legend">${swatch(4, '#eeeeee', 'nothing reserved')}${swatch(150, zero, '0%')}${swatch(220, full, '100%')}${swatch(300, '#c53030', 'over-booked (striped, outlined)', ' stroke="#000000" stroke-width="2"')}<rect x="300" y="${y}" width="16" height="16" fill="url(#overbooked)"/></g>`;
}
