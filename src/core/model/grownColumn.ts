/** A copy of a typed column `size` long, its values kept: how the engine's columns grow. */
export function grownColumn<T extends Int32Array | Float64Array>(column: T, size: number): T {
  const copy = new (column.constructor as { new (length: number): T })(size);
  copy.set(column);
  return copy;
}
