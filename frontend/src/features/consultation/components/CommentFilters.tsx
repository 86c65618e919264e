import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { CommentFilter, CommentSort, Section } from "../api/consultations";
import { sectionKey, type SectionCount } from "../model/thread";
import { useLimits } from "../../../shared/hooks/useLimits";

interface CommentFiltersProps {
  filter: CommentFilter;
  sections: readonly Section[];
  counts: Readonly<Record<string, SectionCount>>;
  onChange: (filter: CommentFilter) => void;
}

const toSort = (value: string): CommentSort => (value === "supported" ? "supported" : "newest");

/** How many comments a section has, as the options show it: "12" or "100+". */
export function countText(count: SectionCount | undefined): string | undefined {
  if (!count) return undefined;
  return count.more ? `${count.ids.length}+` : String(count.ids.length);
}

/**
 * The thread's filter: section (all, the whole plan, each section with its count), order, and a
 * full-text search sent with its button (so typing does not reload the list at every key).
 */
export function CommentFilters({ filter, sections, counts, onChange }: CommentFiltersProps) {
  const { t } = useTranslation();
  const limits = useLimits();
  const id = useId();
  const [query, setQuery] = useState(filter.q);

  const option = (value: string, label: string, key: string) => {
    const count = countText(counts[key]);
    return (
      <option key={value} value={value}>
        {count === undefined ? label : t("comments.filter.optionCount", { label, count })}
      </option>
    );
  };

  const search = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filter, q: query.trim() });
  };

  return (
    <div className="comment-filters">
      <div className="form__row">
        <div className="field">
          <label htmlFor={`${id}-section`} className="field__label">
            {t("comments.filter.section")}
          </label>
          <select
            id={`${id}-section`}
            className="field__control"
            value={String(filter.section)}
            onChange={(e) => onChange({ ...filter, section: e.target.value === "all" ? "all" : Number(e.target.value) })}
          >
            <option value="all">{t("comments.filter.all")}</option>
            {option("0", t("comments.filter.wholePlan"), sectionKey(0))}
            {sections.map((s) => option(String(s.id), s.heading, sectionKey(s.id)))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sort`} className="field__label">
            {t("comments.filter.sort")}
          </label>
          <select
            id={`${id}-sort`}
            className="field__control"
            value={filter.sort}
            onChange={(e) => onChange({ ...filter, sort: toSort(e.target.value) })}
          >
            <option value="newest">{t("comments.filter.newest")}</option>
            <option value="supported">{t("comments.filter.supported")}</option>
          </select>
        </div>
      </div>
      <form role="search" className="search-form" onSubmit={search}>
        <label htmlFor={`${id}-q`} className="field__label">
          {t("comments.filter.search")}
        </label>
        <div className="search-form__row">
          <input
            id={`${id}-q`}
            type="search"
            className="field__control"
            maxLength={limits?.search}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="submit" className="button">
            {t("comments.filter.searchButton")}
          </button>
        </div>
        {filter.q !== "" && (
          <p className="hint">
            {t("comments.filter.searching", { q: filter.q })}{" "}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setQuery("");
                onChange({ ...filter, q: "" });
              }}
            >
              {t("comments.filter.clear")}
            </button>
          </p>
        )}
      </form>
    </div>
  );
}
