/** A field of a Frictionless Table Schema, with the French title and an English one beside it. */
export interface TableField {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  title: string;
  title_en: string;
  constraints?: {
    enum?: (string | number)[];
    minimum?: number;
    maximum?: number;
    required?: boolean;
    unique?: boolean;
  };
  categories?: { value: string | number; label: string; label_en: string }[];
  categoriesOrdered?: true;
  /** Which of the schema's missing values the field may hold (an extension). */
  missingReasons?: string[];
  /** The display condition of the question (an extension). */
  routing?: { question: string; anyOf: string[] };
  quasiIdentifier?: true;
}

export const field = (
  name: string,
  type: TableField['type'],
  title: string,
  title_en: string,
): TableField => ({ name, type, title, title_en });
