// RangeFill.color accepts "#RRGGBB" or an HTML color name (typings for Excel.RangeFill.color); Excel reports "#RRGGBB".
const NAMED_COLORS: Readonly<Record<string, string>> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  lime: '#00FF00',
  blue: '#0000FF',
  yellow: '#FFFF00',
  cyan: '#00FFFF',
  aqua: '#00FFFF',
  magenta: '#FF00FF',
  fuchsia: '#FF00FF',
  silver: '#C0C0C0',
  gray: '#808080',
  grey: '#808080',
  maroon: '#800000',
  olive: '#808000',
  green: '#008000',
  purple: '#800080',
  teal: '#008080',
  navy: '#000080',
  orange: '#FFA500',
  pink: '#FFC0CB',
  gold: '#FFD700',
  lightyellow: '#FFFFE0',
  lightgreen: '#90EE90',
  lightblue: '#ADD8E6',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
};

/** "#ffff00", "FFFF00" or "yellow" → "#FFFF00"; undefined for anything Excel would reject. */
export function normalizeColorOrUndefined(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const text = input.trim();
  const hex = /^#?([0-9a-fA-F]{6})$/.exec(text);
  if (hex) return `#${hex[1].toUpperCase()}`;
  return NAMED_COLORS[text.toLowerCase()];
}
