/**
 * Writes test/fixtures/tables/: workbooks kept the way labs keep theirs, built with ExcelJS and saved
 * again by LibreOffice Calc, so their tables, totals rows, structured references and formulas come from
 * another application than the one the tests write with. The CLI tests (test/cli/excelTables.test.ts)
 * check them; they are committed, so the tests pass on machines without LibreOffice.
 *
 *   npx tsx scripts/buildTableWorkbooks.ts      # needs soffice (Debian's libreoffice-calc-nogui)
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';

export const TABLES_DIR = path.join(__dirname, '..', 'test', 'fixtures', 'tables');

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const BOOKING_COLUMNS = ['Ref', 'Lab', 'Team', 'Cloud', 'Region', 'Accelerator', 'Chips', 'From', 'Until', 'Status'];

type Booking = [ref: string, lab: string, team: string, cloud: string, region: string, silicon: string, chips: number, from: string, until: string, status: string];

/** A bookings table with a totals row: Total under Ref, SUBTOTAL of Chips under Chips. */
function addBookingsTable(sheet: ExcelJS.Worksheet, name: string, ref: string, bookings: readonly Booking[]): void {
  sheet.addTable({
    name, ref, headerRow: true, totalsRow: true,
    columns: BOOKING_COLUMNS.map((column, index) => ({
      name: column,
      ...(index === 0 ? { totalsRowLabel: 'Total' } : {}),
      ...(column === 'Chips' ? { totalsRowFunction: 'sum' as const } : {}),
    })),
    rows: bookings.map(([ref, lab, team, cloud, region, silicon, chips, from, until, status]) => [ref, lab, team, cloud, region, silicon, chips, day(from), day(until), status]),
  });
}

/** Bookings in an Excel table on a titled sheet, a totals row and a note under it. */
async function bookingsTable(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Reservations');
  sheet.getCell('A1').value = 'FY26 Q4 accelerator reservations';
  addBookingsTable(sheet, 'Q4Reservations', 'A3', [
    ['AU-1', 'Aurora AI', 'Pretrain', 'GCP', 'europe-west4', 'TPU v6e', 256, '2026-10-01', '2026-10-21', 'confirmed'],
    ['BO-1', 'Borealis Labs', 'Tuning', 'Google Cloud', 'europe-west4', 'TPU v6e', 128, '2026-10-15', '2026-10-28', 'tentative'],
    ['CI-1', 'Cirrus Research', 'Core', 'Azure', 'westeurope', 'MI300X', 512, '2026-10-05', '2026-11-04', 'confirmed'],
    ['DR-1', 'Draco ML', 'Eval', 'CoreWeave', 'US-EAST-04', 'H100', 64, '2026-11-01', '2026-11-10', 'confirmed'],
  ]);
  sheet.getCell('A10').value = 'Notes: CoreWeave dates are provisional';
  await workbook.xlsx.writeFile(file);
}

/** A lookup table of lab contacts above the bookings table, and a second plan beside it. */
async function contactsAndPlans(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Plans');
  sheet.addTable({ name: 'Contacts', ref: 'A1', headerRow: true, columns: [{ name: 'Lab' }, { name: 'Contact' }], rows: [['Aurora AI', 'ana@aurora.example'], ['Borealis Labs', 'bo@borealis.example']] });
  addBookingsTable(sheet, 'Confirmed2026', 'A6', [
    ['C-1', 'Aurora AI', 'Pretrain', 'AWS', 'us-east-2', 'Trainium2', 1024, '2026-11-01', '2026-11-14', 'confirmed'],
    ['C-2', 'Borealis Labs', 'Sprint', 'AWS', 'us-east-2', 'Trainium2', 512, '2026-11-10', '2026-11-20', 'confirmed'],
  ]);
  addBookingsTable(sheet, 'Proposed2026', 'L6', [
    ['P-1', 'Aurora AI', 'Next', 'AWS', 'us-east-2', 'H100', 64, '2027-01-10', '2027-01-20', 'tentative'],
    ['P-2', 'Cirrus Research', 'Next', 'AWS', 'us-east-2', 'H100', 64, '2027-01-15', '2027-01-25', 'tentative'],
    ['P-3', 'Draco ML', 'Later', 'AWS', 'us-east-2', 'Trainuim2', 64, '2027-02-01', '2027-02-05', 'tentative'],
  ]);
  await workbook.xlsx.writeFile(file);
}

/** Bookings against a Capacity table whose Reserved for column says whose capacity a row is. */
async function reservedCapacity(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const bookings = workbook.addWorksheet('Bookings');
  addBookingsTable(bookings, 'Bookings', 'A1', [
    ['Q-1', 'Aurora AI', 'Pretrain', 'Azure', 'eastus', 'H100', 512, '2026-10-01', '2026-10-31', 'confirmed'],
    ['Q-2', 'Borealis Labs', 'Sprint', 'Azure', 'eastus', 'H100', 512, '2026-10-15', '2026-11-05', 'confirmed'],
    ['Q-3', 'Cirrus Research', 'Huge', 'OCI', 'us-chicago-1', 'B200', 9999, '2026-10-10', '2026-10-12', 'confirmed'],
  ]);
  const capacity = workbook.addWorksheet('Capacity');
  capacity.addTable({
    name: 'CapacityPlan', ref: 'A1', headerRow: true, totalsRow: true,
    columns: ['Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Reserved for'].map((name, index) => ({
      name, ...(index === 0 ? { totalsRowLabel: 'Total' } : {}), ...(name === 'Chips' ? { totalsRowFunction: 'sum' as const } : {}),
    })),
    rows: [
      ['Azure', 'eastus', 'H100', 1024, day('2026-10-01'), day('2026-10-31'), 'AURORA-AI'],
      ['Azure', 'eastus', 'H100', 1024, day('2026-11-01'), day('2026-11-30'), ''],
      ['OCI', 'us-chicago-1', 'B200', 2048, day('2026-10-01'), day('2026-12-31'), ''],
    ],
  });
  await workbook.xlsx.writeFile(file);
}

const BUILDERS: ReadonlyArray<[string, (file: string) => Promise<void>]> = [
  ['bookings-table.xlsx', bookingsTable], ['contacts-and-plans.xlsx', contactsAndPlans], ['reserved-capacity.xlsx', reservedCapacity],
];

async function main(): Promise<void> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'tables-lo-'));
  try {
    await fs.mkdir(TABLES_DIR, { recursive: true });
    for (const [name, build] of BUILDERS) {
      const input = path.join(work, name);
      await build(input);
      const out = path.join(work, 'out');
      execFileSync('soffice', [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, input], { stdio: 'pipe', timeout: 120_000 });
      await fs.copyFile(path.join(out, name), path.join(TABLES_DIR, `lo-${name}`));
      console.log(`test/fixtures/tables/lo-${name}`);
    }
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
