import { useTranslation } from "react-i18next";
import { scriptExamples } from "../script-examples";

/** The scripts of `scriptExamples`, with the token filled in only while it is shown on the page. */
export function ScriptExamples({ token, apiBase }: { token: string | null; apiBase: string }) {
  const { t } = useTranslation();
  const { curl, python, node } = scriptExamples(apiBase, token);
  return (
    <section className="panel" aria-labelledby="script-examples">
      <h2 id="script-examples">{t("api.examples.title")}</h2>
      <p>{t(token ? "api.examples.filled" : "api.examples.revealToFill")}</p>
      {[
        ["curl", curl],
        ["Python", python],
        ["Node", node],
      ].map(([name, code]) => (
        <figure key={name}>
          <figcaption>{name}</figcaption>
          <pre className="code" tabIndex={0}>
            <code>{code}</code>
          </pre>
        </figure>
      ))}
    </section>
  );
}
