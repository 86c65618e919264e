import type { ComponentType } from "react";
import type { i18n } from "i18next";
import { useTranslation } from "react-i18next";
import type { Language } from ".";

/** The texts of a feature whose pages load on demand, one object per language. */
export type FeatureTexts = Record<Language, object>;

const added = new WeakMap<object, WeakSet<i18n>>();

/**
 * Merges a feature's texts into an instance, once. The atlas's texts come with its pages' chunk
 * instead of the first load: on a rural line every kilobyte of the home page counts.
 */
export function addTexts(instance: i18n, texts: FeatureTexts): void {
  let seen = added.get(texts);
  if (!seen) {
    seen = new WeakSet();
    added.set(texts, seen);
  }
  if (seen.has(instance)) return;
  for (const [language, messages] of Object.entries(texts)) {
    instance.addResourceBundle(language, "translation", messages, true, false);
  }
  seen.add(instance);
}

/** Wraps a lazily loaded page so that its feature's texts are there before it renders. */
export function withTexts<P extends object>(Page: ComponentType<P>, texts: FeatureTexts): ComponentType<P> {
  function WithTexts(props: P) {
    const { i18n: instance } = useTranslation();
    addTexts(instance, texts);
    return <Page {...props} />;
  }
  WithTexts.displayName = `WithTexts(${Page.displayName ?? Page.name})`;
  return WithTexts;
}
