import { useState } from "react";
import { useTranslation } from "react-i18next";
import { scriptExamples } from "../script-examples";

/** The scripts of `scriptExamples`, with the token filled in only while it is shown on the page. */
export function ScriptExamples({ token, apiBase }: { token: string | null; apiBase: string }) {
  const { t } = useTranslation();
  /** The example last copied, and whether the clipboard took it. */
  const [copied, setCopied] = useState<{ name: string; ok: boolean } | null>(null);
  const copy = (name: string, code: string) =>
    navigator.clipboard.writeText(code).then(
      () => setCopied({ name, ok: true }),
      () => setCopied({ name, ok: false }),
    );
  const { curl, python, node } = scriptExamples(apiBase, token);
  return (
    <section className="panel" aria-labelledby="script-examples">
      <h2 id="script-examples">{t("api.examples.title")}</h2>
      <p>{t(token ? "api.examples.filled" : "api.examples.revealToFill")}</p>
      {(
        [
          ["curl", curl],
          ["Python", python],
          ["Node", node],
        ] as const
      ).map(([name, code]) => (
        <figure key={name} className="code-block">
          <figcaption>{name}</figcaption>
          <div className="code-actions">
            <button
              type="button"
              className="button"
              aria-label={t("api.examples.copyLabel", { name })}
              onClick={() => void copy(name, code)}
            >
              {t("api.examples.copy")}
            </button>
            <span role="status" className="copy-status">
              {copied?.name === name
                ? t(copied.ok ? "api.examples.copied" : "api.examples.notCopied")
                : ""}
            </span>
          </div>
          {/* Focusable, so that a keyboard can scroll its long lines. */}
          <pre className="code" tabIndex={0}>
            <code>{code}</code>
          </pre>
        </figure>
      ))}
    </section>
  );
}
