import { useTranslation } from "react-i18next";
import type { AccountState } from "@/api/contracts/account";
import { DetailsList } from "@/components/ui/DetailsList";

/** Settings' Personal Information: read only here, changed by the administrator. */
export function PersonalInformation({ account }: { account: AccountState }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t("account.firstName"), account.firstName],
    [t("account.lastName"), account.lastName],
    [t("account.oktaUsername"), account.login],
    [t("account.primaryEmail"), account.email],
    [
      t("account.traqsUsernames"),
      account.traqsUsernames
        .map((u) => (u.active ? u.username : t("traqs.inactiveOption", { username: u.username })))
        .join(", "),
    ],
  ];
  return (
    <section className="panel" aria-labelledby="personal-information">
      <h2 id="personal-information">{t("account.personalInformation")}</h2>
      <DetailsList rows={rows} />
      <p className="field-hint">{t("account.personalNote")}</p>
    </section>
  );
}
