import { useState, type Dispatch, type SetStateAction } from "react";

export interface FormValues<V extends object> {
  values: V;
  setValues: Dispatch<SetStateAction<V>>;
  /** Sets one field's value. */
  change: <K extends keyof V>(field: K, value: V[K]) => void;
}

/** A form's values, changed field by field; `onEdit` runs on each change (e.g. to drop a "saved" note). */
export function useFormValues<V extends object>(initial: V | (() => V), onEdit?: () => void): FormValues<V> {
  const [values, setValues] = useState<V>(initial);
  const change = <K extends keyof V>(field: K, value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    onEdit?.();
  };
  return { values, setValues, change };
}
