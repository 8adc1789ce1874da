import { secretsStayOutOfTheBrowser } from "./secrets";

// Against the local server: the page's storage is the app's alone.
secretsStayOutOfTheBrowser();
