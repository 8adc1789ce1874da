import { useTranslation } from "react-i18next";
import type { AccountState } from "@/api/contracts/account";

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
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="field-hint">{t("account.personalNote")}</p>
    </section>
  );
}
