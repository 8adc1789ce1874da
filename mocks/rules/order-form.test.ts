import { describe, expect, it } from "vitest";
import { isSharedAddress, SHARED_MAILBOXES } from "./order-form";

describe("isSharedAddress", () => {
  it("refuses the notice's role and shared mailboxes, in any case and with a tag or number", () => {
    for (const local of [
      "info",
      "admin",
      "support",
      "sales",
      "trading",
      "compliance",
      "operations",
      "noreply",
    ])
      expect(SHARED_MAILBOXES).toContain(local);
    for (const email of [
      "info@yourfirm.org",
      "ADMIN@yourfirm.org",
      "support+finra@yourfirm.org",
      "sales2@yourfirm.org",
      "trading-desk@yourfirm.org",
      "compliance.team@yourfirm.org",
      "operations_ny@yourfirm.org",
      "no-reply@yourfirm.org",
    ])
      expect(isSharedAddress(email), email).toBe(true);
  });

  it("accepts a person's own address, even one that starts like a mailbox", () => {
    for (const email of [
      "jane.doe@yourfirm.org",
      "pat.admin@yourfirm.org",
      "sales.li.wong@yourfirm.org",
      "information.smith@yourfirm.org",
      "tradingdesk.jones@yourfirm.org",
    ])
      expect(isSharedAddress(email), email).toBe(false);
  });
});
