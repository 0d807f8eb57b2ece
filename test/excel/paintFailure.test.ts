import { CheckSession } from '../../src/excel/checkSession';
import { parseFillMemory, STATE_SHEET } from '../../src/core';
import { ExcelSimulator } from '../../src/simulator/ExcelSimulator';
import { booking, HEADER } from './workbooks';

describe('a paint that fails part-way', () => {
  it('leaves the remembered fills matching the cells that are really yellow, and tells the user', async () => {
    // Four conflicting rows apart from each other need one long multi-area address, which this Excel refuses.
    const rows = [
      booking('A', 'Lab A', 'a', 'research', 'AWS', 'us-east-1', 'Trainium2', 8, '2026-03-01', '2026-03-10'),
      booking('x', 'Lab C', 'x', 'research', 'AWS', 'us-east-2', 'H200', 8, '2026-03-01', '2026-03-10'),
      booking('B', 'Lab B', 'b', 'research', 'AWS', 'us-east-1', 'Trainium2', 8, '2026-03-05', '2026-03-12'),
      booking('y', 'Lab C', 'y', 'research', 'Google Cloud', 'us-central1', 'TPU v5p', 8, '2026-03-01', '2026-03-10'),
      booking('C', 'Lab A', 'c', 'research', 'AWS', 'us-east-1', 'Trainium2', 8, '2026-03-08', '2026-03-15'),
    ];
    const sim = new ExcelSimulator({ sheets: [{ name: 'Allocations', rows: [HEADER, ...rows], fills: { 'A2:L6': '#DDEBF7' } }], limits: { addressChars: 12 } }).install(globalThis);
    try {
      const session = new CheckSession();
      await session.check();
      expect(session.getState().notice).toEqual({ kind: 'error', text: expect.stringMatching(/^The check failed/) });
      const memory = parseFillMemory(sim.sheetNames().includes(STATE_SHEET) ? sim.snapshotValues(STATE_SHEET) : []);
      for (const entry of memory.values()) expect([entry.address, sim.fillAt('Allocations', entry.address)]).toEqual([entry.address, '#FFFF00']);
      for (const cell of ['G2', 'H2', 'I2', 'J2', 'G4', 'G6']) {
        if (sim.fillAt('Allocations', cell) === '#FFFF00') expect(memory.get(`Allocations!${cell}`)?.original?.color).toBe('#DDEBF7');
        else expect(sim.fillAt('Allocations', cell)).toBe('#DDEBF7');
      }
    } finally {
      sim.uninstall();
    }
  });
});
