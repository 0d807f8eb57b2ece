import { SimulatedOfficeError } from './simulatedOfficeError';

/**
 * Property paths named by a `load()` argument, each split on "/": 'values, format/fill/color' →
 * [['values'], ['format', 'fill', 'color']]. An empty list means "all scalar properties".
 * Accepts the forms Office.js's `_parseQueryOption` does: a comma-separated string, an array of strings,
 * `{ select, expand }`, and the object form `{ values: true, format: { fill: { color: true } } }`.
 */
export function loadPaths(option: unknown): string[][] {
  if (option === undefined || option === null) return [];
  if (typeof option === 'string') return splitList(option);
  if (Array.isArray(option)) {
    if (!option.every((item): item is string => typeof item === 'string')) throw SimulatedOfficeError.invalidArgument('option');
    return option.flatMap(splitList);
  }
  if (typeof option !== 'object') throw SimulatedOfficeError.invalidArgument('option');
  const record = option as Record<string, unknown>;
  if ('select' in record || 'expand' in record) {
    const select = listOption(record.select, 'option.select');
    // An expanded navigation property loads all of its scalars.
    const expand = listOption(record.expand, 'option.expand').map((path) => [...path, '*']);
    return [...select, ...expand];
  }
  return objectPaths(record, [], 'option');
}

function splitList(text: string): string[][] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => part.split('/').map((segment) => segment.trim()));
}

function listOption(value: unknown, argument: string): string[][] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return splitList(value);
  if (Array.isArray(value) && value.every((item): item is string => typeof item === 'string')) return value.flatMap(splitList);
  throw SimulatedOfficeError.invalidArgument(argument);
}

function objectPaths(record: Record<string, unknown>, prefix: string[], argument: string): string[][] {
  const paths: string[][] = [];
  for (const [key, value] of Object.entries(record)) {
    if (key === '$top' || key === '$skip') throw SimulatedOfficeError.notSimulated(`load option ${key}`);
    if (key === '$all') {
      if (typeof value !== 'boolean') throw SimulatedOfficeError.invalidArgument(`${argument}.${key}`);
      if (value) paths.push([...prefix, '*']);
    } else if (typeof value === 'boolean') {
      if (value) paths.push([...prefix, key]);
    } else if (typeof value === 'object' && value !== null) {
      paths.push(...objectPaths(value as Record<string, unknown>, [...prefix, key], `${argument}.${key}`));
    } else {
      throw SimulatedOfficeError.invalidArgument(`${argument}.${key}`);
    }
  }
  return paths;
}
