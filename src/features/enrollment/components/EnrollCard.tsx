import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AuthCard } from "@/components/AuthCard";
import { BackToSignIn } from "@/components/BackToSignIn";
import { paths } from "@/config/paths";

/** A set-up screen: "Return to authenticator list" and "Back to sign in" below, as in the guide. */
export function EnrollCard({
  title,
  username,
  children,
}: {
  title: string;
  username: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <AuthCard
      title={title}
      username={username}
      footer={
        <>
          <Link to={paths.enroll}>{t("enroll.returnToList")}</Link>
          <BackToSignIn />
        </>
      }
    >
      {children}
    </AuthCard>
  );
}
