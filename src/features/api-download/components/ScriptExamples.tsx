import { useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * Ready-to-run scripts: get an access token, download a file, and get a new access token when the
 * old one has expired (401). The token is filled in only while it is revealed on the page.
 */
export function ScriptExamples({ token, apiBase }: { token: string | null; apiBase: string }) {
  const { t } = useTranslation();
  /** The example last copied, and whether the clipboard took it. */
  const [copied, setCopied] = useState<{ name: string; ok: boolean } | null>(null);
  const copy = (name: string, code: string) =>
    navigator.clipboard.writeText(code).then(
      () => setCopied({ name, ok: true }),
      () => setCopied({ name, ok: false }),
    );
  const refresh = token ?? "<YOUR_REFRESH_TOKEN>";
  const file = "TRACE-CA/daily-list?action=download";
  const curl = `# 1. An access token (valid 3600 s) from the refresh token
ACCESS=$(curl -s -X POST ${apiBase}/oauth2/token \\
  -d grant_type=refresh_token -d refresh_token=${refresh} | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
# 2. A file; on 401, run step 1 again
curl -f -H "Authorization: Bearer $ACCESS" -o daily-list.csv "${apiBase}/download/${file}"`;
  const python = `import requests

API = "${apiBase}"
REFRESH_TOKEN = "${refresh}"

def access_token():
    r = requests.post(f"{API}/oauth2/token", data={"grant_type": "refresh_token", "refresh_token": REFRESH_TOKEN})
    r.raise_for_status()  # 400 invalid_grant: get a new refresh token on the Programmatic page
    return r.json()["access_token"]

token = access_token()
def download(path):
    global token
    r = requests.get(f"{API}/download/{path}", headers={"Authorization": f"Bearer {token}"})
    if r.status_code == 401:  # the access token expired: renew it and try again
        token = access_token()
        r = requests.get(f"{API}/download/{path}", headers={"Authorization": f"Bearer {token}"})
    r.raise_for_status()
    return r.text

print(download("${file}"))`;
  const node = `// Node 18+: node download.mjs (see examples/download.mjs in the repository)
const API = "${apiBase}";
const REFRESH_TOKEN = "${refresh}";
let token = await accessToken();

async function accessToken() {
  const r = await fetch(\`\${API}/oauth2/token\`, { method: "POST", body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: REFRESH_TOKEN }) });
  if (!r.ok) throw new Error(\`token: \${r.status} \${await r.text()}\`);
  return (await r.json()).access_token;
}

async function download(path) {
  let r = await fetch(\`\${API}/download/\${path}\`, { headers: { Authorization: \`Bearer \${token}\` } });
  if (r.status === 401) { token = await accessToken(); r = await fetch(\`\${API}/download/\${path}\`, { headers: { Authorization: \`Bearer \${token}\` } }); }
  if (!r.ok) throw new Error(\`download: \${r.status}\`);
  return r.text();
}

console.log(await download("${file}"));`;
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
