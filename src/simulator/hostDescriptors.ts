import { RANGE_FILL, RANGE_FORMAT } from './hostFills';
import { RANGE, RANGE_AREAS } from './hostRange';
import { TABLE, TABLE_COLLECTION, TABLE_COLUMN, TABLE_COLUMN_COLLECTION, TABLE_ROW, TABLE_ROW_COLLECTION } from './hostTables';
import { Descriptors } from './hostTypes';
import { FUNCTION_RESULT, FUNCTIONS, WORKBOOK, WORKSHEET, WORKSHEET_COLLECTION, WORKSHEET_PROTECTION } from './hostWorkbook';

/** Every Excel class the simulated host implements; anything else it answers with ApiNotFound. */
export const DESCRIPTORS: Descriptors = {
  Workbook: WORKBOOK,
  WorksheetCollection: WORKSHEET_COLLECTION,
  Worksheet: WORKSHEET,
  WorksheetProtection: WORKSHEET_PROTECTION,
  Range: RANGE,
  RangeAreas: RANGE_AREAS,
  RangeFormat: RANGE_FORMAT,
  RangeFill: RANGE_FILL,
  TableCollection: TABLE_COLLECTION,
  Table: TABLE,
  TableColumnCollection: TABLE_COLUMN_COLLECTION,
  TableColumn: TABLE_COLUMN,
  TableRowCollection: TABLE_ROW_COLLECTION,
  TableRow: TABLE_ROW,
  Functions: FUNCTIONS,
  FunctionResult: FUNCTION_RESULT,
};

/** Types Office.js keeps a reference to (`_KeepReference`) while a run uses them. */
export const KEPT_TYPES: ReadonlySet<string> = new Set(['Range', 'RangeAreas']);
