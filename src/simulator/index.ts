// Test and demo code: the add-in's production bundles never import this directory.
export { ExcelSimulator } from './ExcelSimulator';
export type { ExcelSimulatorOptions, SimulatorSheet, SimulatorStats } from './ExcelSimulator';
export type { CellInput } from './cellContent';
export type { SimulatorLimits } from './simulatedRequestContext';
export { DEFAULT_LIMITS } from './simulatedRequestContext';
export { SimulatedOfficeError } from './simulatedOfficeError';
export type { SimulatedErrorCode } from './simulatedOfficeError';
export type { SimulatedWorksheetChangedEventArgs } from './worksheetChangedEventArgs';
export type { SheetVisibility } from './workbookModel';
