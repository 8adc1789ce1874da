#!/usr/bin/env node
// Downloads a TRAQS API reference-data file with a refresh token copied from
// API / Download / Programmatic, renewing the access token whenever it has expired (401).
//
//   TRAQS_REFRESH_TOKEN=... node examples/download.mjs TRACE-CA daily-list [download|delta] [YYYY-MM-DD]
//
// The facility is TRACE-CA, TRACE-SP, TRACE-TS, ADF, ORF or TRF (e.g. TRF participant-list).
//
// TRAQS_API_URL (default http://localhost:4010, the local mock server) is the API's base URL;
// TRAQS_ACCESS_TOKEN, if set, is an access token saved from an earlier run (it may have expired).

const API = (process.env.TRAQS_API_URL ?? "http://localhost:4010").replace(/\/$/, "");
const REFRESH_TOKEN = process.env.TRAQS_REFRESH_TOKEN;
const [facility = "TRACE-CA", file = "daily-list", action = "download", day] =
  process.argv.slice(2);

if (!REFRESH_TOKEN) {
  console.error(
    "Set TRAQS_REFRESH_TOKEN to the token from API / Download / Programmatic (Copy Token).",
  );
  process.exit(2);
}

/**
 * A new access token (valid 3600 s). A 400 invalid_grant means the refresh token was revoked or
 * has expired: the script stops (it never downloads without an access token); get a new one.
 */
async function accessToken() {
  const response = await fetch(`${API}/oauth2/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: REFRESH_TOKEN }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok)
    throw new Error(
      `token endpoint: ${response.status} ${body.error}: ${body.error_description ?? ""}`,
    );
  return body.access_token;
}

let token = process.env.TRAQS_ACCESS_TOKEN ?? null;

/** The file, renewing the access token once if the server says it has expired. */
async function download(path) {
  for (let attempt = 0; attempt < 2; attempt++) {
    token ??= await accessToken();
    const response = await fetch(`${API}/download/${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (response.status === 401 && attempt === 0) {
      console.error("Access token expired or revoked: getting a new one.");
      token = null;
      continue;
    }
    if (!response.ok) throw new Error(`download: ${response.status} ${await response.text()}`);
    return response.text();
  }
  throw new Error("download: still unauthorized after renewing the access token");
}

const query = new URLSearchParams({ action, ...(day ? { day } : {}) });
try {
  process.stdout.write(
    await download(`${encodeURIComponent(facility)}/${encodeURIComponent(file)}?${query}`),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
