import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { saveFile } from "@/api/save-file";

const FILE_NAME = "traqs-recovery-codes.txt";

/**
 * A new set of recovery codes, shown once: Copy, Download (.txt) and Print, then "I have saved
 * these codes" before going on.
 */
export function RecoveryCodes(props: { codes: string[]; username: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const [saved, setSaved] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState(false);
  const id = useId();
  const text = [
    t("recoveryCodes.fileHeader", { username: props.username }),
    t("recoveryCodes.fileNote"),
    "",
    ...props.codes,
    "",
  ].join("\n");

  const copy = () =>
    navigator.clipboard.writeText(props.codes.join("\n")).then(
      () => setCopied("yes"),
      () => setCopied("no"),
    );
  const download = () =>
    saveFile({ blob: new Blob([text], { type: "text/plain;charset=utf-8" }), fileName: FILE_NAME });

  return (
    <>
      <ol className="secret-key steps" aria-label={t("recoveryCodes.listLabel")}>
        {props.codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="inline-form">
        <button type="button" className="button" onClick={() => void copy()}>
          {t("recoveryCodes.copy")}
        </button>
        <button type="button" className="button" onClick={download}>
          {t("recoveryCodes.download")}
        </button>
        <button type="button" className="button" onClick={() => window.print()}>
          {t("recoveryCodes.print")}
        </button>
      </div>
      <p role="status" className="copy-status">
        {copied === "yes"
          ? t("recoveryCodes.copied")
          : copied === "no"
            ? t("recoveryCodes.notCopied")
            : ""}
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (saved) props.onDone();
          else setUnconfirmed(true);
        }}
      >
        <div className="checkbox">
          <input
            id={`${id}-saved`}
            type="checkbox"
            checked={saved}
            aria-invalid={unconfirmed && !saved ? true : undefined}
            aria-describedby={unconfirmed && !saved ? `${id}-error` : undefined}
            onChange={(e) => setSaved(e.target.checked)}
          />
          <label htmlFor={`${id}-saved`}>{t("recoveryCodes.saved")}</label>
        </div>
        {unconfirmed && !saved ? (
          <p className="field-error" id={`${id}-error`} role="alert">
            {t("recoveryCodes.confirmSaved")}
          </p>
        ) : null}
        <button type="submit" className="button primary">
          {t("recoveryCodes.continue")}
        </button>
      </form>
    </>
  );
}
