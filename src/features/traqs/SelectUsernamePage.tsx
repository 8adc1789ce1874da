import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { AuthCard } from "@/components/ui/AuthCard";
import { RequireSession } from "@/components/layouts/RequireSession";
import { paths, safeReturnPath } from "@/config/paths";
import { TraqsUsernameForm } from "@/components/layouts/TraqsUsernameForm";

/** After sign-in, a user with several TRAQS usernames chooses the one to work as. */
export function SelectUsernamePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Back to the TRAQS page that asked for a username, or TRAQS's home.
  const next = safeReturnPath(params.get("from")) ?? paths.traqs;
  return (
    <RequireSession>
      {(me) =>
        me.traqsUsername ? (
          <Navigate to={next} replace />
        ) : (
          <AuthCard title={t("traqs.chooseTitle")} username={me.login}>
            <p>{t("traqs.chooseIntro")}</p>
            <TraqsUsernameForm me={me} onSelected={() => void navigate(next)} />
          </AuthCard>
        )
      }
    </RequireSession>
  );
}
