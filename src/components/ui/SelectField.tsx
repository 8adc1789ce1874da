import { useId, type ReactNode, type Ref, type SelectHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  /** An i18n key or text; shown under the list and tied to it for screen readers. */
  error?: string | undefined;
  /** Ids of notes elsewhere on the page that describe the list too. */
  describedBy?: string;
  ref?: Ref<HTMLSelectElement>;
  /** Label and list in a row of other controls, without a field of their own. */
  inline?: boolean;
  children: ReactNode;
};

/** A drop-down list with its label and error, as TextField is for a text box. */
export function SelectField({
  label,
  error,
  describedBy,
  inline,
  ref,
  children,
  ...select
}: SelectFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const described = [describedBy, error ? `${id}-error` : null].filter(Boolean).join(" ");
  const field = (
    <>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...select}
      >
        {children}
      </select>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </>
  );
  return inline ? field : <div className="field">{field}</div>;
}
