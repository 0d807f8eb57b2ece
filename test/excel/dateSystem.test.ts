import { formatIsoDay } from '../../src/core';
import { CheckSession } from '../../src/excel/checkSession';
import { ExcelSimulator } from '../../src/simulator/ExcelSimulator';
import { serial } from './workbooks';

const DAYS_1900_TO_1904 = 1462;

describe('a workbook in the 1904 date system', () => {
  it('is recognised from the dates it shows, so conflicts land on the true calendar days', async () => {
    const start = serial('2026-04-14') - DAYS_1900_TO_1904;
    const sim = new ExcelSimulator({
      date1904: true,
      sheets: [{
        name: 'Plan',
        rows: [['Provider', 'Region', 'Silicon', 'Start', 'End'], ['AWS', 'us-east-1', 'Trainium2', start, start + 13], ['AWS', 'us-east-1', 'Trainium2', start + 7, start + 20]],
        numberFormats: { 'D2:E3': 'd mmm yyyy' },
      }],
    }).install(globalThis);
    try {
      const session = new CheckSession();
      await session.check();
      const report = session.getState().checked!.report;
      expect(report.date1904).toBe(true);
      expect(report.conflicts.map((conflict) => [formatIsoDay(conflict.start), formatIsoDay(conflict.end)])).toEqual([['2026-04-21', '2026-04-27']]);
    } finally {
      sim.uninstall();
    }
  });

  it('is recognised when the dates show no year, or only ######## in columns too narrow for them', async () => {
    const start = serial('2026-04-14') - DAYS_1900_TO_1904;
    for (const display of [{ numberFormats: { 'D2:E3': 'd mmm' } }, { numberFormats: { 'D2:E3': 'd mmmm yyyy' }, columnWidths: { D: 30, E: 30 } }]) {
      const sim = new ExcelSimulator({
        date1904: true,
        sheets: [{
          name: 'Plan',
          rows: [['Provider', 'Region', 'Silicon', 'Start', 'End'], ['AWS', 'us-east-1', 'Trainium2', start, start + 13], ['AWS', 'us-east-1', 'Trainium2', start + 7, start + 20]],
          ...display,
        }],
      }).install(globalThis);
      try {
        expect(sim.textAt('Plan', 'D2')).toMatch(/^(14 Apr|#+)$/);
        const session = new CheckSession();
        await session.check();
        const report = session.getState().checked!.report;
        expect(report.date1904).toBe(true);
        expect(report.conflicts.map((conflict) => [formatIsoDay(conflict.start), formatIsoDay(conflict.end)])).toEqual([['2026-04-21', '2026-04-27']]);
      } finally {
        sim.uninstall();
      }
    }
  });

  it('is not assumed for an ordinary workbook', async () => {
    const start = serial('2026-04-14');
    const sim = new ExcelSimulator({
      sheets: [{ name: 'Plan', rows: [['Provider', 'Region', 'Silicon', 'Start', 'End'], ['AWS', 'us-east-1', 'Trainium2', start, start + 13]], numberFormats: { 'D2:E2': 'm/d/yyyy' } }],
    }).install(globalThis);
    try {
      const session = new CheckSession();
      await session.check();
      expect(session.getState().checked!.report.date1904).toBe(false);
      expect(formatIsoDay(session.getState().checked!.report.bookings[0].start!)).toBe('2026-04-14');
    } finally {
      sim.uninstall();
    }
  });
});
