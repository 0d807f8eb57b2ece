import * as React from 'react';
import { displayText, CellFormat, GridValue, textColorOn } from './cellDisplay';

export interface GridCellProps {
  readonly id: string;
  readonly address: string;
  readonly value: GridValue;
  readonly format: CellFormat;
  readonly fill: string | null;
  readonly active: boolean;
  readonly selected: boolean;
  /** The text being typed when this cell's editor is open, else undefined. */
  readonly editorText: string | undefined;
  readonly onPick: () => void;
  readonly onStartEditing: () => void;
  readonly onEditorChange: (text: string) => void;
  readonly onEditorKeyDown: (event: React.KeyboardEvent<HTMLInputElement>) => void;
  readonly onEditorBlur: () => void;
}

/** One cell of the grid: its fill as background, its value as Excel would display it, or its editor. */
export function GridCell(props: GridCellProps) {
  const { id, address, value, format, fill, active, selected, editorText } = props;
  const className = ['cell', typeof value === 'number' ? 'number' : '', active ? 'active' : '', selected ? 'selected' : ''].filter(Boolean).join(' ');
  return (
    <div
      role="gridcell" id={id} data-address={address} aria-selected={active || selected} className={className}
      style={{ backgroundColor: fill ?? undefined, color: textColorOn(fill) }}
      onMouseDown={() => editorText === undefined && props.onPick()}
      onDoubleClick={props.onStartEditing}
    >
      {editorText !== undefined ? (
        <input
          className="cell-editor" aria-label={`Edit ${address}`} autoFocus value={editorText}
          onChange={(event) => props.onEditorChange(event.target.value)} onKeyDown={props.onEditorKeyDown} onBlur={props.onEditorBlur}
        />
      ) : (
        displayText(value, format)
      )}
    </div>
  );
}
