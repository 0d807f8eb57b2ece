import * as React from 'react';
import type { ExcelSimulator } from '../simulator';
import { GridPosition } from './gridGeometry';

export interface Editing {
  readonly at: GridPosition;
  readonly initial: string;
  readonly text: string;
}

export interface CellEditor {
  readonly editing: Editing | null;
  isEditingAt(position: GridPosition): boolean;
  start(at: GridPosition, initial: string, text?: string): void;
  change(text: string): void;
  /** Ends the edit; a committed change reaches `commit` with the cell and the text typed. */
  finish(commit: boolean): void;
}

/**
 * The grid's one cell editor. While it is open the simulator is in cell-edit mode: Excel cannot run an
 * add-in's sync while a cell is being edited, and the simulator keeps that rule.
 */
export function useCellEditor(sim: ExcelSimulator, onCommit: (at: GridPosition, text: string) => void): CellEditor {
  const [editing, setEditing] = React.useState<Editing | null>(null);
  // Blur follows Enter within the same event turn; the ref lets the second finish see the first.
  const editingRef = React.useRef<Editing | null>(null);
  const update = (next: Editing | null) => {
    editingRef.current = next;
    setEditing(next);
  };
  const isEditing = editing !== null;
  React.useEffect(() => {
    if (!isEditing) return;
    sim.setCellEditMode(true);
    return () => sim.setCellEditMode(false);
  }, [sim, isEditing]);

  return {
    editing,
    isEditingAt: (position) => editing !== null && editing.at.row === position.row && editing.at.column === position.column,
    start: (at, initial, text) => update({ at, initial, text: text ?? initial }),
    change: (text) => editingRef.current !== null && update({ ...editingRef.current, text }),
    finish: (commit) => {
      const current = editingRef.current;
      if (current === null) return;
      update(null);
      if (commit && current.text !== current.initial) onCommit(current.at, current.text);
    },
  };
}

