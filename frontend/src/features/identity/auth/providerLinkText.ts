import type { TFunction } from "i18next";
import type { LoginProvider } from "../api/auth";

/**
 * The text of a provider's login link: by audience ("Anmelden als Träger"), or by the
 * provider's own label when several providers serve the same audience.
 */
export function providerLinkText(provider: LoginProvider, all: readonly LoginProvider[], t: TFunction): string {
  const sameAudience = all.filter((p) => p.audience === provider.audience).length;
  return sameAudience === 1
    ? t(`account.loginAs.${provider.audience}`)
    : t("account.loginWith", { label: provider.label });
}
