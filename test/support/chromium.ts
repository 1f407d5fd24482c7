// Where the browser tests find Chromium (Debian's; `npx playwright install` cannot download one). Node only.
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
