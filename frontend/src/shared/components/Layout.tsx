import { useEffect, useRef } from "react";
import { Outlet, useLocation } from "react-router";
import { useTranslation } from "react-i18next";
import { SiteHeader } from "./SiteHeader";
import { SiteFooter } from "./SiteFooter";
import { AccountArea } from "../../features/identity/components/AccountArea";

/**
 * The app shell: skip link, header, main content and footer. After a client-side route change it
 * moves focus to the new page's h1 (once it is there, for pages loaded on demand), so screen readers announce the page and keyboard users start
 * at its top, as they would after a full page load.
 */
export function Layout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);

  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    const main = mainRef.current;
    if (!main) return;
    const heading = main.querySelector<HTMLElement>("h1");
    if (heading) {
      heading.focus();
      return;
    }
    // A page loaded on demand renders its h1 a moment later: focus it then, unless the person
    // has moved on in the meantime.
    main.focus();
    const observer = new MutationObserver(() => {
      const late = main.querySelector<HTMLElement>("h1");
      if (!late) return;
      observer.disconnect();
      if (document.activeElement === main) late.focus();
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("skipLink")}
      </a>
      <SiteHeader account={<AccountArea />} />
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <div className="container">
          <Outlet />
        </div>
      </main>
      <SiteFooter />
    </div>
  );
}
