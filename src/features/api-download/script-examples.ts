/**
 * The file every example downloads; any facility's file goes the same way (TRACE-SP, TRACE-TS, ADF,
 * ORF, TRF: e.g. TRF/participant-list), as each example's last comment says.
 */
const FILE = "TRACE-CA/daily-list?action=download";
const OTHER_FILES = "Other files: TRACE-SP, TRACE-TS, ADF, ORF or TRF instead of TRACE-CA";

/**
 * Ready-to-run scripts: get an access token, download a file, and get a new access token when the
 * old one has expired (401). When the refresh token is refused (400 invalid_grant: revoked or
 * expired), each prints the error and stops: it never sends a download without an access token.
 * Plain text, so that examples/download.test.ts runs exactly what the page shows.
 */
export function scriptExamples(apiBase: string, token: string | null) {
  const refresh = token ?? "<YOUR_REFRESH_TOKEN>";
  const curl = `API="${apiBase}"
REFRESH_TOKEN="${refresh}"
# 1. An access token (valid 3600 s) from the refresh token. On an error, stop: 400 invalid_grant
#    means it was revoked or has expired (Get Token on the Programmatic page gives a new one).
RESPONSE=$(curl -s -X POST "$API/oauth2/token" -d grant_type=refresh_token -d "refresh_token=$REFRESH_TOKEN")
ACCESS=$(printf '%s' "$RESPONSE" | sed -nE 's/.*"access_token":"([^"]+)".*/\\1/p')
if [ -z "$ACCESS" ]; then echo "token endpoint: $RESPONSE" >&2; exit 1; fi
# 2. A file; on 401, run step 1 again. ${OTHER_FILES}.
curl -sSf -H "Authorization: Bearer $ACCESS" -o daily-list.csv "$API/download/${FILE}"`;
  const python = `# Python 3, standard library only
import json
import urllib.error
import urllib.parse
import urllib.request

API = "${apiBase}"
REFRESH_TOKEN = "${refresh}"

def access_token():
    form = urllib.parse.urlencode({"grant_type": "refresh_token", "refresh_token": REFRESH_TOKEN})
    try:
        with urllib.request.urlopen(f"{API}/oauth2/token", data=form.encode()) as r:
            return json.load(r)["access_token"]
    except urllib.error.HTTPError as e:
        # 400 invalid_grant: the refresh token was revoked or has expired; get a new one
        # (Get Token on the Programmatic page). Print the error and stop.
        raise SystemExit(f"token endpoint: {e.code} {e.read().decode()}")

token = access_token()

def download(path):
    global token
    for attempt in range(2):
        request = urllib.request.Request(f"{API}/download/{path}", headers={"Authorization": f"Bearer {token}"})
        try:
            with urllib.request.urlopen(request) as r:
                return r.read().decode()
        except urllib.error.HTTPError as e:
            if e.code != 401 or attempt == 1:
                raise SystemExit(f"download: {e.code} {e.read().decode()}")
            token = access_token()  # the access token expired: renew it and try again

# ${OTHER_FILES}.
print(download("${FILE}"), end="")`;
  const node = `// Node 18+: node download.mjs (see examples/download.mjs in the repository)
const API = "${apiBase}";
const REFRESH_TOKEN = "${refresh}";
let token = await accessToken();

// 400 invalid_grant: the refresh token was revoked or has expired; get a new one (Get Token).
async function accessToken() {
  const r = await fetch(\`\${API}/oauth2/token\`, { method: "POST", body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: REFRESH_TOKEN }) });
  if (!r.ok) throw new Error(\`token endpoint: \${r.status} \${await r.text()}\`);
  return (await r.json()).access_token;
}

async function download(path) {
  let r = await fetch(\`\${API}/download/\${path}\`, { headers: { Authorization: \`Bearer \${token}\` } });
  if (r.status === 401) { token = await accessToken(); r = await fetch(\`\${API}/download/\${path}\`, { headers: { Authorization: \`Bearer \${token}\` } }); }
  if (!r.ok) throw new Error(\`download: \${r.status}\`);
  return r.text();
}

// ${OTHER_FILES}.
process.stdout.write(await download("${FILE}"));`;
  return { curl, python, node };
}
