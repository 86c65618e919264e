import { useRef, useState } from "react";
import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { createIndicator, getCatalogue, landKey, type AtlasCatalogue, type AtlasIndicator } from "../api/atlas";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { PageHeading } from "../../../shared/components/PageHeading";
import { BackLink } from "../../../shared/components/BackLink";
import { LoadError, Loading } from "../../../shared/components/Status";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { Field } from "../../../shared/form/Field";
import { SubmitRow } from "../../../shared/form/SubmitRow";
import { useSaveForm } from "../../../shared/form/useSaveForm";
import { atlasIndicatorPath, paths } from "../../../routes";
import "../components/atlas.css";

const kinds: AtlasIndicator["kind"][] = ["count", "share", "rate", "mean", "index"];
const directions: AtlasIndicator["direction"][] = ["higher_better", "higher_worse", "neutral"];
type Text = "key" | "name_de" | "name_en" | "unit" | "definition_de" | "source" | "licence";

/**
 * The form for a new indicator. Whether the person may add one, and for which catalogue (the
 * Land's or a district's own), the catalogue's actions and scopes say; the server checks the
 * entries and explains what it refuses.
 */
function NewIndicatorForm({ catalogue }: { catalogue: AtlasCatalogue }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSaveForm(formRef);
  const [texts, setTexts] = useState<Record<Text, string>>({
    key: "", name_de: "", name_en: "", unit: "", definition_de: "", source: "", licence: "",
  });
  const [scope, setScope] = useState(catalogue.import_scopes[0] ?? landKey);
  const [lebenslage, setLebenslage] = useState(catalogue.lebenslagen[0]!);
  const [kind, setKind] = useState<AtlasIndicator["kind"]>("share");
  const [direction, setDirection] = useState<AtlasIndicator["direction"]>("neutral");

  const [missing, setMissing] = useState<Text[]>([]);
  const required: Text[] = ["key", "name_de", "name_en"];
  const check = () => {
    const empty = required.filter((name) => !texts[name].trim());
    setMissing(empty);
    return empty.length === 0;
  };
  const text = (name: Text, label: string) => (
    <Field
      label={label}
      required={required.includes(name)}
      error={missing.includes(name) ? t("form.errors.required") : undefined}
    >
      {(control) => (
        <input
          {...control}
          className="field__control"
          value={texts[name]}
          onChange={(event) => setTexts((current) => ({ ...current, [name]: event.target.value }))}
        />
      )}
    </Field>
  );
  const save = async () => {
    const optional = Object.fromEntries(
      (["unit", "definition_de", "source", "licence"] as const).filter((k) => texts[k].trim()).map((k) => [k, texts[k].trim()]),
    );
    const created = await createIndicator({
      key: texts.key.trim(),
      name_de: texts.name_de.trim(),
      name_en: texts.name_en.trim(),
      lebenslage,
      kind,
      direction,
      ...optional,
      ...(scope !== landKey ? { district_key: scope } : {}),
    });
    void navigate(atlasIndicatorPath(created.key));
  };

  return (
    <form ref={formRef} noValidate onSubmit={(event) => void form.submit(event, check, save)}>
      {catalogue.import_scopes.length > 1 && (
        <Field label={t("atlas.newIndicator.scope")}>
          {(control) => (
            <select {...control} className="field__control" value={scope} onChange={(event) => setScope(event.target.value)}>
              {catalogue.import_scopes.map((s) => (
                <option key={s} value={s}>
                  {s === landKey ? t("atlas.newIndicator.land") : s}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {text("key", t("atlas.newIndicator.key"))}
      {text("name_de", t("atlas.newIndicator.nameDe"))}
      {text("name_en", t("atlas.newIndicator.nameEn"))}
      <Field label={t("atlas.lebenslage.label")}>
        {(control) => (
          <select {...control} className="field__control" value={lebenslage} onChange={(event) => setLebenslage(event.target.value as typeof lebenslage)}>
            {catalogue.lebenslagen.map((l) => (
              <option key={l} value={l}>
                {t(`atlas.lebenslage.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("atlas.indicator.kind")}>
        {(control) => (
          <select {...control} className="field__control" value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`atlas.indicator.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("atlas.indicator.direction")}>
        {(control) => (
          <select {...control} className="field__control" value={direction} onChange={(event) => setDirection(event.target.value as typeof direction)}>
            {directions.map((d) => (
              <option key={d} value={d}>
                {t(`atlas.indicator.directions.${d}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text("unit", t("atlas.indicator.unit"))}
      {text("definition_de", t("atlas.indicator.definition"))}
      {text("source", t("atlas.indicator.source"))}
      {text("licence", t("atlas.indicator.licence"))}
      <ErrorAlert error={form.failure} />
      <SubmitRow busy={form.busy} label={t("atlas.actions.addIndicator")} />
    </form>
  );
}

/** /atlas/neuer-indikator: adding an indicator, for those the catalogue's actions allow it. */
export function NewIndicatorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("atlas.actions.addIndicator"));
  const catalogue = useAsync((signal) => getCatalogue(signal), []);
  return (
    <>
      <BackLink to={paths.atlas}>{t("atlas.district.back")}</BackLink>
      <PageHeading>{t("atlas.actions.addIndicator")}</PageHeading>
      {catalogue.status === "loading" && <Loading />}
      {catalogue.status === "error" && <LoadError error={catalogue.error} onRetry={catalogue.retry} />}
      {catalogue.status === "success" &&
        (catalogue.data.actions.includes("add_indicator") ? (
          <NewIndicatorForm catalogue={catalogue.data} />
        ) : (
          <p className="notice">{t("atlas.newIndicator.notAllowed")}</p>
        ))}
    </>
  );
}
