import { useTranslation } from "react-i18next";
import { RECOVERY_CODES_LOW } from "@/api/contracts/account";
import { Alert } from "@/components/ui/Alert";

/**
 * Settings' "Recovery codes" row: how many are left, and Set up or Regenerate (which voids the old
 * set), each after the change verification made for it.
 */
export function RecoveryCodesRow({
  left,
  onSetUp,
}: {
  left?: number | undefined;
  onSetUp: () => void;
}) {
  const { t } = useTranslation();
  const name = t("methods.recoveryCodes");
  const action = left === undefined ? t("account.actions.setUp") : t("recoveryCodes.regenerate");
  return (
    <li className="method-row">
      <span className="method-name">
        <strong>{name}</strong>
        <span className="method-detail">
          {left === undefined
            ? t("recoveryCodes.notSetUp")
            : t("recoveryCodes.left", { count: left })}
        </span>
      </span>
      <button type="button" className="button" aria-label={`${action} ${name}`} onClick={onSetUp}>
        {action}
      </button>
    </li>
  );
}

/** Settings warns when 3 or fewer recovery codes are left, so that the user makes new ones in time. */
export function RecoveryCodesWarning({ left }: { left?: number | undefined }) {
  const { t } = useTranslation();
  if (left === undefined || left > RECOVERY_CODES_LOW) return null;
  return (
    <Alert tone="info">
      {left === 0
        ? t("recoveryCodes.noneLeftWarning")
        : t("recoveryCodes.lowWarning", { count: left })}
    </Alert>
  );
}
