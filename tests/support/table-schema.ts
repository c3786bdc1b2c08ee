/**
 * Checks CSV cells against a Frictionless Table Schema: what a researcher's
 * validator (frictionless-py, goodtables) checks for the field types and
 * constraints the packages use. Kept small and strict: an unknown type fails.
 */
export interface SchemaField {
  name: string;
  type: string;
  constraints?: { enum?: (string | number)[]; minimum?: number; maximum?: number };
}

/** The typed value of a cell, or an error. */
export function castCell(field: SchemaField, cell: string): { value: unknown } | { error: string } {
  switch (field.type) {
    case 'string':
      return { value: cell };
    case 'integer':
      return /^-?\d+$/.test(cell) ? { value: Number(cell) } : { error: `not an integer: ${cell}` };
    case 'number':
      return /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cell)
        ? { value: Number(cell) }
        : { error: `not a number: ${cell}` };
    case 'boolean':
      return cell === 'true' || cell === 'false'
        ? { value: cell === 'true' }
        : { error: `not a boolean: ${cell}` };
    default:
      return { error: `unknown type ${field.type}` };
  }
}

/** Every violation in one row, as "field: reason". */
export function rowErrors(
  fields: SchemaField[],
  missingValues: string[],
  row: Record<string, string>,
): string[] {
  const errors: string[] = [];
  const names = new Set(fields.map((f) => f.name));
  for (const name of Object.keys(row)) if (!names.has(name)) errors.push(`${name}: not in schema`);
  for (const field of fields) {
    const cell = row[field.name];
    if (cell === undefined) {
      errors.push(`${field.name}: missing column`);
      continue;
    }
    if (missingValues.includes(cell)) continue;
    const cast = castCell(field, cell);
    if ('error' in cast) {
      errors.push(`${field.name}: ${cast.error}`);
      continue;
    }
    const { enum: allowed, minimum, maximum } = field.constraints ?? {};
    const value = cast.value as string | number;
    if (allowed && !allowed.includes(value)) errors.push(`${field.name}: ${cell} not in enum`);
    if (minimum !== undefined && (value as number) < minimum)
      errors.push(`${field.name}: ${cell} < ${minimum}`);
    if (maximum !== undefined && (value as number) > maximum)
      errors.push(`${field.name}: ${cell} > ${maximum}`);
  }
  return errors;
}
