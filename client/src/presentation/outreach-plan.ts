// The saved outreach plans (newest first) and which one a presentation of a region shows.
import { gql, type TypedDocumentNode } from "@apollo/client";
import type { OutreachPlansQuery } from "../generated/graphql.ts";
import { isInRegionOrNation } from "../../../domain/region-code.ts";

export type SavedPlan = OutreachPlansQuery["outreachPlans"][number];
export type PlanSite = SavedPlan["plan"]["sites"][number];

export const OUTREACH_PLANS: TypedDocumentNode<OutreachPlansQuery> = gql`
  query OutreachPlans {
    outreachPlans {
      id
      name
      createdAt
      plan {
        sites {
          order
          name
          date
          villageCode
          districtName
          uncoveredReached
          expectedEnrollments
          premiumCost
          villages {
            code
          }
        }
      }
    }
  }
`;

/** The newest plan with a site in the region (null: the nation) or reaching a village of it, and those sites. */
export function planForRegion(plans: readonly SavedPlan[], regionCode: string | null): { plan: SavedPlan; sites: PlanSite[] } | null {
  for (const plan of plans) {
    const sites = plan.plan.sites.filter(
      (s) => isInRegionOrNation(s.villageCode, regionCode) || s.villages.some((v) => isInRegionOrNation(v.code, regionCode)),
    );
    if (sites.length > 0) return { plan, sites };
  }
  return null;
}
