// Draws the add-in's ribbon and store icons (a booking grid with one double-booked cell in yellow)
// as PNG files in assets/. Run: npx tsx scripts/generateIcons.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 64, 80, 128];
type Rgba = [number, number, number, number];
const BACKGROUND: Rgba = [31, 78, 121, 255];
const CELL: Rgba = [233, 240, 247, 255];
const CONFLICT: Rgba = [255, 255, 0, 255];

function pixel(size: number, x: number, y: number): Rgba {
  const margin = Math.max(1, Math.round(size / 16));
  const inner = size - 2 * margin;
  const u = x - margin;
  const v = y - margin;
  if (u < 0 || v < 0 || u >= inner || v >= inner) return [0, 0, 0, 0];
  const gap = Math.max(1, Math.round(size / 32));
  const cell = (inner - 4 * gap) / 3;
  const column = Math.floor((u - gap) / (cell + gap));
  const row = Math.floor((v - gap) / (cell + gap));
  const inCellX = u - gap - column * (cell + gap);
  const inCellY = v - gap - row * (cell + gap);
  if (column < 0 || row < 0 || column > 2 || row > 2 || inCellX >= cell || inCellY >= cell) return BACKGROUND;
  return (row === 1 && column >= 1) ? CONFLICT : CELL;
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(size, x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

for (const size of SIZES) writeFileSync(join(__dirname, '..', 'assets', `icon-${size}.png`), png(size));
console.log(`Wrote ${SIZES.map((size) => `assets/icon-${size}.png`).join(', ')}`);
