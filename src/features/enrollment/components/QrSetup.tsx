import { QRCodeSVG } from "qrcode.react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SecretKey } from "@/components/ui/SecretKey";

/**
 * A QR code for an authenticator app, with "Can't scan?" to show the same key as text. The quiet
 * zone (marginSize 4) is what lets phone cameras find the code.
 */
export function QrSetup(props: {
  value: string;
  qrLabel: string;
  setupKey: string;
  keyHint: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [showKey, setShowKey] = useState(false);
  return (
    <>
      <div className="qr">
        <QRCodeSVG
          value={props.value}
          size={192}
          marginSize={4}
          role="img"
          aria-label={props.qrLabel}
          title={props.qrLabel}
        />
      </div>
      {props.children}
      <button
        type="button"
        className="link-button"
        aria-expanded={showKey}
        onClick={() => setShowKey((v) => !v)}
      >
        {t("enroll.cantScan")}
      </button>
      {showKey ? <SecretKey value={props.setupKey} label={props.keyHint} /> : null}
    </>
  );
}
