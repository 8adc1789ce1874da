import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { AuthCard } from "@/components/AuthCard";
import { RequireSession } from "@/components/RequireSession";
import { paths } from "@/config/paths";
import { TraqsUsernameForm } from "@/components/TraqsUsernameForm";

/** After sign-in, a user with several TRAQS usernames chooses the one to work as. */
export function SelectUsernamePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <RequireSession>
      {(me) =>
        me.traqsUsername ? (
          <Navigate to={paths.traqs} replace />
        ) : (
          <AuthCard title={t("traqs.chooseTitle")} username={me.login}>
            <p>{t("traqs.chooseIntro")}</p>
            <TraqsUsernameForm me={me} onSelected={() => void navigate(paths.traqs)} />
          </AuthCard>
        )
      }
    </RequireSession>
  );
}
