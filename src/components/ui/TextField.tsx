import { useId, useState, type InputHTMLAttributes, type Ref } from "react";
import { useTranslation } from "@/i18n/first-screen";

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  /** An i18n key or text; shown under the field and tied to it for screen readers. */
  error?: string | undefined;
  hint?: string;
  ref?: Ref<HTMLInputElement>;
  /** Adds a "Show"/"Hide" toggle for a password. */
  revealable?: boolean;
};

export function TextField({ label, error, hint, revealable, type, ref, ...input }: TextFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [revealed, setRevealed] = useState(false);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="field-input">
        <input
          id={id}
          ref={ref}
          type={revealable && revealed ? "text" : type}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...input}
        />
        {revealable ? (
          <button
            type="button"
            className="link-button reveal"
            aria-pressed={revealed}
            aria-label={t(revealed ? "common.hidePassword" : "common.showPassword")}
            onClick={() => setRevealed((value) => !value)}
          >
            {t(revealed ? "common.hide" : "common.show")}
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
