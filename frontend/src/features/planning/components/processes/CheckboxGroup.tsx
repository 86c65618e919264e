import type { ReactNode } from "react";

interface CheckboxGroupProps<T extends string | number> {
  legend: string;
  options: readonly { value: T; label: ReactNode }[];
  checked: readonly T[];
  onChange: (checked: T[]) => void;
  className?: string;
}

/** A fieldset of checkboxes with a legend; the order of `checked` follows the options. */
export function CheckboxGroup<T extends string | number>({ legend, options, checked, onChange, className }: CheckboxGroupProps<T>) {
  const toggle = (value: T, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(value);
    else next.delete(value);
    onChange(options.map((o) => o.value).filter((v) => next.has(v)));
  };
  return (
    <fieldset className={className ? `fieldset ${className}` : "fieldset"}>
      <legend>{legend}</legend>
      <ul className="checkbox-list">
        {options.map((option) => (
          <li key={option.value}>
            <label className="checkbox">
              <input
                type="checkbox"
                className="checkbox__input"
                checked={checked.includes(option.value)}
                onChange={(e) => toggle(option.value, e.target.checked)}
              />
              <span>{option.label}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
