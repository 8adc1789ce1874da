import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NewPasswordForm } from "@/components/ui/NewPasswordForm";
import type { useResetPassword } from "../api/account";

/** Reset Password, once verified: the new password, and whether other devices are signed out. */
export function ResetPasswordForm(props: {
  owner: { login: string; firstName: string; lastName: string };
  onDone: () => void;
  mutation: ReturnType<typeof useResetPassword>;
}) {
  const { t } = useTranslation();
  const [signOutOthers, setSignOutOthers] = useState(false);
  return (
    <NewPasswordForm
      owner={props.owner}
      pending={props.mutation.isPending}
      error={props.mutation.error}
      submitLabel={t("account.resetPassword.submit")}
      submit={async (password) => {
        await props.mutation.mutateAsync({ password, signOutOtherDevices: signOutOthers });
        props.onDone();
      }}
    >
      <div className="checkbox">
        <input
          id="sign-out-others"
          type="checkbox"
          checked={signOutOthers}
          onChange={(e) => setSignOutOthers(e.target.checked)}
        />
        <label htmlFor="sign-out-others">{t("account.resetPassword.signOutOthers")}</label>
      </div>
    </NewPasswordForm>
  );
}
