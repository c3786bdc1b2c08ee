/** A field of a Frictionless Table Schema, with the French title and an English one beside it. */
export interface TableField {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  title: string;
  title_en: string;
  constraints?: { enum?: (string | number)[]; minimum?: number; maximum?: number };
  categories?: { value: string | number; label: string; label_en: string }[];
  quasiIdentifier?: true;
}

export const field = (
  name: string,
  type: TableField['type'],
  title: string,
  title_en: string,
): TableField => ({ name, type, title, title_en });
