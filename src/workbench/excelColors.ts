/** A colour as ExcelJS reads it from a style: ARGB, a theme slot with a tint, or a legacy palette index. */
export interface XlsxColor {
  readonly argb?: string;
  readonly theme?: number;
  readonly tint?: number;
  readonly indexed?: number;
}

/** Excel's theme slots in the order `theme="n"` counts them (light 1 comes before dark 1). */
const THEME_SLOTS = ['lt1', 'dk1', 'lt2', 'dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'];

/** The Office 2013–2022 theme, for files that carry no theme part. */
const OFFICE_THEME = ['FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '0563C1', '954F72'];

/** The legacy 64-colour palette behind `indexed="n"` (ECMA-376 Part 1, 18.8.27). */
const INDEXED_PALETTE = [
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '800000', '008000', '000080', '808000', '800080', '008080', 'C0C0C0', '808080',
  '9999FF', '993366', 'FFFFCC', 'CCFFFF', '660066', 'FF8080', '0066CC', 'CCCCFF',
  '000080', 'FF00FF', 'FFFF00', '00FFFF', '800080', '800000', '008080', '0000FF',
  '00CCFF', 'CCFFFF', 'CCFFCC', 'FFFF99', '99CCFF', 'FF99CC', 'CC99FF', 'FFCC99',
  '3366FF', '33CCCC', '99CC00', 'FFCC00', 'FF9900', 'FF6600', '666699', '969696',
  '003366', '339966', '003300', '333300', '993300', '993366', '333399', '333333',
];

/**
 * The theme colours of a workbook's theme part (`xl/theme/theme1.xml`), in `theme="n"` order;
 * the Office theme where the part or a slot is missing.
 */
export function themeColorsFromXml(xml: string | undefined): string[] {
  return THEME_SLOTS.map((slot, index) => {
    const element = new RegExp(`<(?:\\w+:)?${slot}>\\s*<(?:\\w+:)?(?:srgbClr[^>]*\\bval|sysClr[^>]*\\blastClr)="([0-9A-Fa-f]{6})"`).exec(xml ?? '');
    return (element?.[1] ?? OFFICE_THEME[index]).toUpperCase();
  });
}

/** '#RRGGBB' for a colour, or undefined for "automatic" and colours that cannot be resolved. */
export function resolveColor(color: XlsxColor | undefined, theme: readonly string[]): string | undefined {
  if (color === undefined) return undefined;
  let rgb: string | undefined;
  // The alpha byte is ignored by Excel, and some writers leave it 00.
  if (typeof color.argb === 'string' && /^([0-9A-Fa-f]{2})?[0-9A-Fa-f]{6}$/.test(color.argb)) rgb = color.argb.slice(-6);
  else if (typeof color.theme === 'number') rgb = theme[color.theme];
  else if (typeof color.indexed === 'number') rgb = INDEXED_PALETTE[color.indexed];
  if (rgb === undefined) return undefined;
  return `#${applyTint(rgb, color.tint ?? 0).toUpperCase()}`;
}

/** The colour a fill shows: its colour with its tint applied; null for "No Fill". */
export function shownColor(fill: { readonly color: string; readonly tintAndShade?: number } | null): string | null {
  if (fill === null) return null;
  return `#${applyTint(fill.color.slice(1), fill.tintAndShade ?? 0).toUpperCase()}`;
}

/** Excel's tint: lighten (tint > 0) or darken (tint < 0) the colour's HSL lightness. */
export function applyTint(rgb: string, tint: number): string {
  if (tint === 0) return rgb;
  const [h, s, l] = rgbToHsl(rgb);
  const lightness = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  return hslToRgb(h, s, lightness);
}

function rgbToHsl(rgb: string): [number, number, number] {
  const [r, g, b] = [0, 2, 4].map((offset) => parseInt(rgb.slice(offset, offset + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h / 6, s, l];
}

function hslToRgb(h: number, s: number, l: number): string {
  const hueToChannel = (p: number, q: number, t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channels = s === 0 ? [l, l, l] : [hueToChannel(p, q, h + 1 / 3), hueToChannel(p, q, h), hueToChannel(p, q, h - 1 / 3)];
  return channels.map((channel) => Math.round(Math.min(1, Math.max(0, channel)) * 255).toString(16).padStart(2, '0')).join('');
}
