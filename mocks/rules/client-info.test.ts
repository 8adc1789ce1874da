import { describe, expect, it } from "vitest";
import { describeClient, userAgentOf } from "./client-info";

describe("describeClient", () => {
  it("names the browser and system a user agent says", () => {
    expect(
      describeClient(
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/141.0.0.0 Safari/537.36",
      ),
    ).toBe("Chrome on Linux");
    expect(
      describeClient(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
      ),
    ).toBe("Microsoft Edge on Windows");
    expect(
      describeClient(
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      ),
    ).toBe("Safari on macOS");
  });

  it("names a script by its product token, and says when it cannot tell", () => {
    expect(describeClient("curl/8.5.0")).toBe("curl on an unknown system");
    expect(describeClient("")).toBe("an unknown browser on an unknown system");
    expect(describeClient("unknown")).toBe("an unknown browser on an unknown system");
  });
});

describe("userAgentOf", () => {
  it("reads the request's header; outside a page, without one, it is unknown", () => {
    const sent = new Request("http://localhost/api/me", {
      headers: { "user-agent": "curl/8.5.0" },
    });
    expect(userAgentOf(sent)).toBe("curl/8.5.0");
    expect(userAgentOf(new Request("http://localhost/api/me"))).toBe("unknown");
  });
});
