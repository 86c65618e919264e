import { useEffect, useId, useRef, useState, type FocusEvent } from "react";
import { useTranslation } from "react-i18next";
import { useReturnTo } from "../../../shared/hooks/useReturnTo";
import { LoginOptions } from "./LoginOptions";

/**
 * The "Anmelden" disclosure of the header: a button that shows and hides the login links.
 * It closes on Escape (focus returns to the button), on a click outside and when the keyboard
 * focus moves on past it. The links are loaded when the menu mounts, so opening is instant.
 */
export function LoginMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const returnTo = useReturnTo();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  // Only a focus move to a known element outside closes the menu (Tab past the last link);
  // a null relatedTarget (a click on something unfocusable) is the pointer handler's business.
  const onBlur = (event: FocusEvent) => {
    const next = event.relatedTarget;
    if (next instanceof Node && !rootRef.current?.contains(next)) setOpen(false);
  };

  return (
    <div className="login-menu" ref={rootRef} onBlur={onBlur}>
      <button
        type="button"
        ref={buttonRef}
        className="header-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {t("account.login")}
      </button>
      <div id={panelId} className="login-menu__panel" hidden={!open}>
        <p className="login-menu__intro">{t("account.loginIntro")}</p>
        <LoginOptions returnTo={returnTo} />
      </div>
    </div>
  );
}
