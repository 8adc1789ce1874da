import { secretsStayOutOfTheBrowser } from "./secrets";

// With the mock in the page: its own database and session cookie are left out, by name.
secretsStayOutOfTheBrowser();
