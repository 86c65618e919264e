import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { I18nextProvider } from "react-i18next";
import { App } from "./App";
import { createI18n } from "./i18n";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/components.css";
import "./styles/forms.css";
import "./styles/tables.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks the #root element");

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={createI18n()}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </I18nextProvider>
  </StrictMode>,
);
