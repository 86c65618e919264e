import type { ReactNode } from "react";

interface RadioGroupProps<T extends string> {
  legend: string;
  /** A name for the radios, unique on the page. */
  name: string;
  options: readonly { value: T; label: ReactNode }[];
  value: T;
  onChange: (value: T) => void;
  className?: string;
}

/** A fieldset of radio buttons with a legend; the arrow keys move between them, as browsers do. */
export function RadioGroup<T extends string>({ legend, name, options, value, onChange, className }: RadioGroupProps<T>) {
  return (
    <fieldset className={className ? `fieldset ${className}` : "fieldset"}>
      <legend>{legend}</legend>
      <ul className="radio-list">
        {options.map((option) => (
          <li key={option.value}>
            <label className="checkbox">
              <input
                type="radio"
                className="checkbox__input"
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
              />
              <span>{option.label}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
