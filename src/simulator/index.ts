// Test and demo code: the add-in's production bundles never import this directory.
export { ExcelSimulator } from './ExcelSimulator';
export type { ExcelSimulatorOptions } from './ExcelSimulator';
export type { FillInput, SimulatorSheet, SimulatorTable } from './simulatorSheets';
export type { HostStats } from './excelHost';
export type { CellInput } from './cellContent';
export type { HostLimits } from './hostTypes';
export { DEFAULT_LIMITS } from './hostTypes';
export type { HostErrorCode } from './hostError';
export type { HostLocale } from './displayText';
export { compareVersions, NEWEST_EXCEL_API } from './requirementSets';
export type { SheetVisibility, CellFill } from './workbookModel';
