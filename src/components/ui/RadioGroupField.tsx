import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from "react";
import { useTranslation } from "react-i18next";

type RadioGroupFieldProps<Value extends string> = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "value" | "type"
> & {
  legend: string;
  /** The group is named for screen readers only, where the screen shows no heading over it. */
  legendHidden?: boolean;
  options: readonly { value: Value; label: ReactNode }[];
  /** The chosen option, for a group the page holds itself; a registered one leaves it out. */
  value?: Value;
  /** An i18n key or text; shown under the group and tied to it for screen readers. */
  error?: string | undefined;
  ref?: Ref<HTMLInputElement>;
};

/**
 * One choice among a few, as a fieldset named by its legend; its error is tied to the group.
 * Other props (react-hook-form's `register`, or `name` and `onChange`) go to every option.
 */
export function RadioGroupField<Value extends string>({
  legend,
  legendHidden,
  options,
  value,
  error,
  ref,
  ...input
}: RadioGroupFieldProps<Value>) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="radio-group" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className={legendHidden ? "visually-hidden" : undefined}>{legend}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            ref={ref}
            value={option.value}
            {...(value === undefined ? {} : { checked: value === option.value })}
            {...input}
          />
          {option.label}
        </label>
      ))}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </fieldset>
  );
}
