import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { I18nextProvider } from "react-i18next";
import { App } from "./App";
import { createI18n } from "./shared/i18n";
import { basePath } from "./shared/lib/basePath";
import { warm } from "./shared/api/client";
import { firstReads } from "./shared/api/firstReads";
import "./shared/styles/base.css";
import "./shared/styles/layout.css";
import "./shared/styles/components.css";
import "./shared/styles/forms.css";
import "./shared/styles/tables.css";

// The page's first reads start now, before React renders anything (see firstReads).
warm(firstReads());

const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks the #root element");

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={createI18n()}>
      <BrowserRouter basename={basePath || "/"}>
        <App />
      </BrowserRouter>
    </I18nextProvider>
  </StrictMode>,
);
