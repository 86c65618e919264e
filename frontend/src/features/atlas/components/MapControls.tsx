import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { AtlasIndicator, ClassMethod, Lebenslage } from "../api/atlas";
import { indicatorName } from "../model/format";
import { useLanguage } from "../../../shared/hooks/useLanguage";

const methods: ClassMethod[] = ["quantile", "equal", "jenks"];
/** The class counts the ColorBrewer palettes offer. */
const classCounts = [3, 4, 5, 6, 7];

interface Props {
  lebenslagen: Lebenslage[];
  lebenslage: Lebenslage | undefined;
  indicators: AtlasIndicator[];
  indicator: string | undefined;
  method: ClassMethod;
  classes: number;
  onLebenslage: (value: Lebenslage) => void;
  onIndicator: (key: string) => void;
  onMethod: (value: ClassMethod) => void;
  onClasses: (value: number) => void;
}

/** The choice of Lebenslage, indicator, classification and number of classes; each change applies at once. */
export function MapControls(props: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ids = { lebenslage: useId(), indicator: useId(), method: useId(), classes: useId() };
  return (
    <div className="atlas-controls">
      <div className="field">
        <label className="field__label" htmlFor={ids.lebenslage}>{t("atlas.lebenslage.label")}</label>
        <select className="field__control"
          id={ids.lebenslage}
          value={props.lebenslage ?? ""}
          onChange={(event) => props.onLebenslage(event.target.value as Lebenslage)}
        >
          {props.lebenslagen.map((l) => (
            <option key={l} value={l}>
              {t(`atlas.lebenslage.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.indicator}>{t("atlas.controls.indicator")}</label>
        <select className="field__control"
          id={ids.indicator}
          value={props.indicator ?? ""}
          disabled={props.indicators.length === 0}
          onChange={(event) => props.onIndicator(event.target.value)}
        >
          {props.indicators.map((i) => (
            <option key={i.key} value={i.key}>
              {indicatorName(i, language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.method}>{t("atlas.controls.method")}</label>
        <select className="field__control" id={ids.method} value={props.method} onChange={(event) => props.onMethod(event.target.value as ClassMethod)}>
          {methods.map((m) => (
            <option key={m} value={m}>
              {t(`atlas.controls.methods.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.classes}>{t("atlas.controls.classes")}</label>
        <select className="field__control" id={ids.classes} value={props.classes} onChange={(event) => props.onClasses(Number(event.target.value))}>
          {classCounts.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
