import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

/** A key to type by hand: shown in groups of four for reading, copied without the spaces. */
export function SecretKey({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const labelId = useId();
  const grouped = value.match(/.{1,4}/g)?.join(" ") ?? value;

  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setCopied("yes"),
      () => setCopied("no"),
    );
  };

  return (
    // A group named by its instruction, so that screen readers (and tests) find the key by it.
    <div className="secret-key" role="group" aria-labelledby={labelId}>
      <p id={labelId}>{label}</p>
      <p className="secret-key-value">
        <code>{grouped}</code>
      </p>
      <button type="button" className="button" onClick={copy}>
        {t("enroll.copyKey")}
      </button>
      <span role="status" className="copy-status">
        {copied === "yes" ? t("enroll.keyCopied") : copied === "no" ? t("enroll.keyNotCopied") : ""}
      </span>
    </div>
  );
}
