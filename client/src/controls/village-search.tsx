import { useEffect, useId, useState } from "react";
import { gql, type TypedDocumentNode } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { placeTitle } from "../report/region-title.ts";
import type { SearchVillagesQuery, SearchVillagesQueryVariables } from "../generated/graphql.ts";

const SEARCH_VILLAGES: TypedDocumentNode<SearchVillagesQuery, SearchVillagesQueryVariables> = gql`
  query SearchVillages($query: String!) {
    provinces: searchRegions(query: $query, level: PROVINCE, first: 2) {
      code
      name
      level
      parent {
        name
      }
    }
    regencies: searchRegions(query: $query, level: REGENCY, first: 3) {
      code
      name
      level
      parent {
        name
      }
    }
    districts: searchRegions(query: $query, level: DISTRICT, first: 3) {
      code
      name
      level
      parent {
        name
      }
    }
    searchRegions(query: $query, level: VILLAGE, first: 8) {
      code
      name
      level
      parent {
        name
      }
    }
  }
`;

/** Regions of any level by name, largest first; `onPick` gets the code. */
export function VillageSearch({ onPick }: { onPick(code: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const { data } = useQuery(SEARCH_VILLAGES, { variables: { query }, skip: query.length < 2 });
  const results = query.length >= 2 && data ? [...data.provinces, ...data.regencies, ...data.districts, ...data.searchRegions] : [];
  const open = query.length >= 2;
  const pick = (code: string) => {
    onPick(code);
    setText("");
    setQuery("");
  };
  return (
    <div className="village-search" role="search">
      <label htmlFor={`${id}-q`}>{t("search")}</label>
      <input
        id={`${id}-q`}
        type="search"
        value={text}
        placeholder={t("searchPlaceholder")}
        autoComplete="off"
        aria-controls={open ? `${id}-r` : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && results[0]) pick(results[0].code);
        }}
      />
      {open && (
        <ul id={`${id}-r`} className="search-results" aria-live="polite">
          {results.length === 0 && data && <li className="muted">{t("noResults")}</li>}
          {results.map((r) => (
            <li key={r.code}>
              <button type="button" onClick={() => pick(r.code)} data-level={r.level}>
                {r.level === "VILLAGE" ? r.name : placeTitle(r.level, r.name, t)}
                {r.parent && <span className="muted"> · {r.parent.name}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
