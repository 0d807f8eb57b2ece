import { CheckSession } from '../../src/excel/checkSession';
import { parseFillMemory, STATE_SHEET } from '../../src/core';
import { ExcelSimulator } from '../../src/simulator/ExcelSimulator';
import { booking, HEADER } from './workbooks';

describe('a paint that fails part-way', () => {
  it('leaves the remembered fills matching the cells that are really yellow, and tells the user', async () => {
    // Four conflicting rows apart from each other need one long multi-area address, which this Excel refuses.
    const rows = [
      booking({ id: 'A', lab: 'Lab A', team: 'a', workload: 'research', provider: 'AWS', region: 'us-east-1', silicon: 'Trainium2', chips: 8, start: '2026-03-01', end: '2026-03-10' }),
      booking({ id: 'x', lab: 'Lab C', team: 'x', workload: 'research', provider: 'AWS', region: 'us-east-2', silicon: 'H200', chips: 8, start: '2026-03-01', end: '2026-03-10' }),
      booking({ id: 'B', lab: 'Lab B', team: 'b', workload: 'research', provider: 'AWS', region: 'us-east-1', silicon: 'Trainium2', chips: 8, start: '2026-03-05', end: '2026-03-12' }),
      booking({ id: 'y', lab: 'Lab C', team: 'y', workload: 'research', provider: 'Google Cloud', region: 'us-central1', silicon: 'TPU v5p', chips: 8, start: '2026-03-01', end: '2026-03-10' }),
      booking({ id: 'C', lab: 'Lab A', team: 'c', workload: 'research', provider: 'AWS', region: 'us-east-1', silicon: 'Trainium2', chips: 8, start: '2026-03-08', end: '2026-03-15' }),
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
