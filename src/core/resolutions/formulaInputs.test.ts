import { CellEdit } from '../model/cellEdit';
import { editsAroundFormulas } from './formulaInputs';

const START = 46090;
const shift = (days: number): CellEdit[] => [
  { sheet: 'Plan', address: 'I12', before: START, after: START + days },
  { sheet: 'Plan', address: 'J12', before: START + 13, after: START + 13 + days },
];

describe('editsAroundFormulas (a resolution never overwrites a formula)', () => {
  it('keeps every edit when no cell holds a formula', () => {
    expect(editsAroundFormulas(shift(14), [])).toEqual({ ok: true, edits: shift(14) });
  });

  it('drops the edit of an End that adds days to the Start it moves with', () => {
    for (const formula of ['=I12+13', '=$I$12+13', '= I12 + 13', '=13+I12']) {
      expect(editsAroundFormulas(shift(14), [{ sheet: 'Plan', address: 'J12', formula }])).toEqual({ ok: true, edits: [shift(14)[0]] });
    }
  });

  it('drops the edit of a Start derived from the End, subtracting days', () => {
    expect(editsAroundFormulas(shift(7), [{ sheet: 'Plan', address: 'I12', formula: '=J12-13' }])).toEqual({ ok: true, edits: [shift(7)[1]] });
  });

  it('refuses, naming the cell, when the formula would not give the planned value', () => {
    const cell = { sheet: 'Plan', address: 'J12', formula: '=I12+20' };
    expect(editsAroundFormulas(shift(14), [cell])).toEqual({ ok: false, cell });
  });

  it('refuses formulas of any other shape, and formulas whose input is not edited', () => {
    const sum = { sheet: 'Plan', address: 'J12', formula: '=WORKDAY(I12,10)' };
    expect(editsAroundFormulas(shift(14), [sum])).toEqual({ ok: false, cell: sum });
    const chips = { sheet: 'Plan', address: 'H12', formula: '=64*2' };
    expect(editsAroundFormulas([{ sheet: 'Plan', address: 'H12', before: 128, after: 96 }], [chips])).toEqual({ ok: false, cell: chips });
    const other = { sheet: 'Plan', address: 'J12', formula: '=K12+13' };
    expect(editsAroundFormulas(shift(14), [other])).toEqual({ ok: false, cell: other });
  });

  it('refuses when both cells hold formulas, for neither would hold the new dates', () => {
    const start = { sheet: 'Plan', address: 'I12', formula: '=J12-13' };
    expect(editsAroundFormulas(shift(14), [start, { sheet: 'Plan', address: 'J12', formula: '=I12+13' }])).toEqual({ ok: false, cell: start });
  });
});
