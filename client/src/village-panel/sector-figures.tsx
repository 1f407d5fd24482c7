import { gql, type TypedDocumentNode } from "@apollo/client";
import { useTranslation } from "react-i18next";
import { formatInt, formatPercent } from "../format.ts";
import type { SectorFigures_SectorFragment as Figures } from "../generated/graphql.ts";
import { TableHead } from "../table-head.tsx";
import { isReliable, type CoverageNode } from "../types.ts";
import type { Lang } from "../url-state.ts";

/** What the table shows of each sector (also the presentation's headline figures). */
export const SECTOR_FIGURES_FIELDS: TypedDocumentNode<Figures> = gql`
  fragment SectorFigures_sector on SectorCoverage {
    sector
    workforce
    enrolled
    coverageRate
    uncovered
    reliability
  }
`;

interface Props {
  node: CoverageNode & { bySector: Figures[] };
  lang: Lang;
}

/** Workers, enrolled, coverage and uncovered per sector, with the all-sector total. */
export function SectorFigures({ node, lang }: Props) {
  const { t } = useTranslation();
  const row = (key: string, label: string, f: Omit<Figures, "sector">, total = false) => (
    <tr key={key} className={total ? "total" : undefined} data-sector={key}>
      <th scope="row">{label}</th>
      <td className="num">{formatInt(f.workforce, lang)}</td>
      <td className="num">{formatInt(f.enrolled, lang)}</td>
      <td className="num">{formatPercent(f.coverageRate, lang)}</td>
      <td className="num">{formatInt(f.uncovered, lang)}</td>
      <td>{!isReliable(f) && <abbr title={t(`reliability.${f.reliability}`)}>*</abbr>}</td>
    </tr>
  );
  const unreliable = [...node.bySector, node].some((f) => !isReliable(f));
  return (
    <>
      <table className="sector-figures">
        <caption>{t("bySector")}</caption>
        <TableHead
          columns={[
            { label: t("sector") },
            { label: t("workforce"), num: true },
            { label: t("enrolled"), num: true },
            { label: t("coverageRate"), num: true },
            { label: t("uncovered"), num: true },
            { label: <span className="sr-only">{t("reliability")}</span> },
          ]}
        />
        <tbody>
          {node.bySector.map((s) => row(s.sector, t(`sector.${s.sector}`), s))}
          {row("ALL", t("allSectors"), node, true)}
        </tbody>
      </table>
      {unreliable && <p className="muted small">* {t("unreliable")}</p>}
    </>
  );
}
