import { useTranslation } from "react-i18next";
import type { RegionReportData } from "./region-report-query.ts";
import { dataSourceLines } from "./region-title.ts";

/** The data sources as one line; the synthetic warning stands out. */
export function DataSources({ info, className }: { info: RegionReportData["datasetInfo"]; className?: string }) {
  const { t } = useTranslation();
  const [numbers, boundaries] = dataSourceLines(info, t);
  return (
    <p className={className} data-synthetic={info.synthetic}>
      <span className={info.synthetic ? "synthetic" : undefined}>{numbers}</span> · <span>{boundaries}</span>
    </p>
  );
}
