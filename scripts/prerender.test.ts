import { describe, expect, it } from "vitest";
import { pageFileName, requestedLanguage, withFirstScreen } from "./prerender";

describe("pageFileName", () => {
  it("is the page's file in English, and beside it one per other language", () => {
    expect(pageFileName("/settings", "en")).toBe("settings.html");
    expect(pageFileName("/signin/password", "fr")).toBe("signin/password.fr.html");
  });
});

describe("withFirstScreen", () => {
  it("puts the screen in the root, marked for the app to take over, and the language on <html>", () => {
    const html =
      '<html lang="en">\n  <body>\n    <div id="root"><p class="app-shell">FINRA</p></div>\n  </body>\n</html>';
    expect(withFirstScreen(html, "<h1>Iniciar sesión</h1>", "es")).toBe(
      '<html lang="es">\n  <body>\n    <div id="root" data-prerendered><h1>Iniciar sesión</h1></div>\n  </body>\n</html>',
    );
  });

  it("fails on an index.html without the root", () => {
    expect(() => withFirstScreen("<html></html>", "", "en")).toThrow(/root/);
  });
});

describe("requestedLanguage", () => {
  it("is the language the browser asks for first, where the app has it", () => {
    expect(requestedLanguage("es-ES,es;q=0.9,en;q=0.8")).toBe("es");
    expect(requestedLanguage("de-DE,fr;q=0.9")).toBe("en");
    expect(requestedLanguage("en;q=0.5,fr-CA")).toBe("fr");
    expect(requestedLanguage(undefined)).toBe("en");
  });
});
