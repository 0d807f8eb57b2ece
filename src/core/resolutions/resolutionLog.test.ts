import { readAcceptances, RESOLUTION_LOG_COLUMNS, RESOLUTION_LOG_SHEET } from './resolutionLog';

/** Reasons of the standing acceptances, by conflict id. */
const readAcceptedConflicts = (sheet: SheetSnapshot | undefined) => new Map([...readAcceptances(sheet)].map(([id, record]) => [id, record.reason]));
import { CellValue, SheetSnapshot } from '../model/snapshot';

/** A resolution log as the add-in writes it: the header, then one row per action, oldest first. */
function logOf(...entries: Array<[conflict: CellValue, action: CellValue, reason?: CellValue]>): SheetSnapshot {
  return {
    name: RESOLUTION_LOG_SHEET,
    rows: [
      [...RESOLUTION_LOG_COLUMNS],
      ...entries.map(([conflict, action, reason = '']) => ['2026-04-01T10:00:00Z', 'lead@lab-a', conflict, action, '2, 3', '', '', reason]),
    ],
  };
}

describe('readAcceptances', () => {
  describe('what an acceptance carries', () => {
    it('gives who accepted, when, why and the rows it had', () => {
      expect(readAcceptances(logOf(['C-1', 'accept', 'both leads agree']))).toEqual(new Map([['C-1', { reason: 'both leads agree', by: 'lead@lab-a', at: '2026-04-01T10:00:00Z', rows: [2, 3] }]]));
    });

    it('writes a When kept as an Excel date-time as a date and a time', () => {
      const sheet: SheetSnapshot = { name: RESOLUTION_LOG_SHEET, rows: [[...RESOLUTION_LOG_COLUMNS], [46_307.375, 'ana', 'C-1', 'accept', '', '', '', 'ok']] };
      expect(readAcceptances(sheet).get('C-1')).toMatchObject({ at: '2026-10-12 09:00', rows: null });
    });
  });

  describe('when an acceptance was revoked', () => {
    it('no longer accepts the conflict, until the revoke is undone', () => {
      expect(readAcceptedConflicts(logOf(['C-1', 'accept', 'ok'], ['C-1', 'revoke', 'Lab B objects']))).toEqual(new Map());
      expect(readAcceptedConflicts(logOf(['C-1', 'accept', 'ok'], ['C-1', 'revoke', 'Lab B objects'], ['C-1', 'undo revoke']))).toEqual(new Map([['C-1', 'ok']]));
    });
  });

  describe('when there is no log', () => {
    it('accepts nothing', () => {
      expect(readAcceptedConflicts(undefined)).toEqual(new Map());
    });
  });

  describe('when a conflict was accepted', () => {
    it('returns it with the reason given', () => {
      expect(readAcceptedConflicts(logOf(['C-1', 'accept', 'eval runs can share']))).toEqual(new Map([['C-1', 'eval runs can share']]));
    });

    it('reads the action in any case and spacing', () => {
      expect([...readAcceptedConflicts(logOf(['C-1', ' Accept ', 'ok'])).keys()]).toEqual(['C-1']);
    });
  });

  describe('when an accept was undone', () => {
    it('no longer accepts the conflict', () => {
      expect(readAcceptedConflicts(logOf(['C-1', 'accept', 'ok'], ['C-1', 'Undo  accept']))).toEqual(new Map());
    });

    it('accepts it again when accepted after the undo, with the new reason', () => {
      const log = logOf(['C-1', 'accept', 'first'], ['C-1', 'undo accept'], ['C-1', 'accept', 'second']);
      expect(readAcceptedConflicts(log)).toEqual(new Map([['C-1', 'second']]));
    });

    it('takes back only the latest accept when it was accepted twice', () => {
      const log = logOf(['C-1', 'accept', 'lab A agrees'], ['C-1', 'accept', 'lab B agrees too'], ['C-1', 'undo accept']);
      expect(readAcceptedConflicts(log)).toEqual(new Map([['C-1', 'lab A agrees']]));
    });

    it('ignores an undo with no accept before it', () => {
      expect(readAcceptedConflicts(logOf(['C-1', 'undo accept'], ['C-1', 'accept', 'ok']))).toEqual(new Map([['C-1', 'ok']]));
    });

    it('leaves other conflicts accepted', () => {
      const log = logOf(['C-1', 'accept', 'one'], ['C-2', 'accept', 'two'], ['C-1', 'undo accept']);
      expect(readAcceptedConflicts(log)).toEqual(new Map([['C-2', 'two']]));
    });
  });

  describe('when other actions are logged', () => {
    it('does not count them as accepts', () => {
      expect(readAcceptedConflicts(logOf(['C-1', 'shift', 'moved 10 days'], ['C-2', 'undo shift'], ['C-3', 'move']))).toEqual(new Map());
    });
  });

  describe('when a row has no conflict id or is missing', () => {
    it('skips it', () => {
      const log = logOf(['', 'accept', 'no id'], ['C-1', 'accept', 'ok']);
      expect(readAcceptedConflicts({ ...log, rows: [...log.rows, undefined] })).toEqual(new Map([['C-1', 'ok']]));
    });
  });

  describe('when the log has no Reason column', () => {
    it('accepts with an empty reason', () => {
      const sheet: SheetSnapshot = { name: RESOLUTION_LOG_SHEET, rows: [['Conflict', 'Action'], ['C-1', 'accept']] };
      expect(readAcceptedConflicts(sheet)).toEqual(new Map([['C-1', '']]));
    });
  });

  describe('when the first row does not name Conflict and Action', () => {
    it('accepts nothing', () => {
      expect(readAcceptedConflicts({ name: RESOLUTION_LOG_SHEET, rows: [['Notes'], ['C-1', 'accept']] })).toEqual(new Map());
    });
  });
});
