import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { Controller, FormProvider, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import * as z from "zod/mini";
import { ApiError } from "@/api/client";
import { OrderFormRequest } from "@/api/contracts/admin";
import { Alert } from "@/components/ui/Alert";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { TextField } from "@/components/ui/TextField";
import { useVerifiedChange } from "@/components/verification/use-verified-change";
import { formatDateTime } from "@/i18n";
import { useSubmitOrderForm } from "../api/order-form";
import { adminUserPath } from "../paths";
import { AdminLayout } from "../components/AdminLayout";
import { AdminStepUp } from "../components/AdminStepUp";
import { EntitlementsField, NasdaqApplicationsField } from "../components/EntitlementsField";
import { PersonFields } from "../components/PersonFields";
import { ReasonDialog } from "../components/ReasonDialog";
import { refusedField } from "../components/refusals";

/** The Order Form's fields: all of the request but the reason (asked last) and the firm. */
// The request's own fields (z.omit would add its code to the sign-in page's zod: decision 009).
const { reason: _reason, firmId: _firmId, ...orderShape } = OrderFormRequest.shape;
const OrderFields = z.object(orderShape);
type OrderFields = z.input<typeof OrderFields>;
type Order = { firmId: string; fields: OrderFields; reason: string };

const EMPTY: OrderFields = {
  firstName: "",
  lastName: "",
  email: "",
  traqsUsernames: [],
  entitlements: [],
  nasdaqApplications: [],
};

/**
 * The FINRA Order Form (the notice): a new API user with their TRAQS usernames and API entitlement
 * per facility and environment; submitting it sends the guide's "Welcome to Okta!" invitation. The
 * firm's administrator fills it in for their own firm.
 */
export function OrderFormPage() {
  const { t } = useTranslation();
  const submit = useSubmitOrderForm();
  // What was typed stays here while "Verify it's you" takes the screen, and after a refusal.
  const [draft, setDraft] = useState<OrderFields>(EMPTY);
  const [asking, setAsking] = useState<{ firmId: string; fields: OrderFields } | null>(null);
  const change = useVerifiedChange((order: Order, end) => {
    end();
    submit.mutate({ ...order.fields, reason: order.reason }, { onSuccess: () => setDraft(EMPTY) });
  });

  if (change.stage === "verify" && change.change)
    return (
      <AdminStepUp
        change={{ action: "invite", target: change.change.firmId }}
        onVerified={change.verified}
        onCancel={change.end}
      />
    );

  return (
    <AdminLayout title={t("admin.orderForm.title")} lead={t("admin.orderForm.intro")}>
      {(me) =>
        !me.administration?.firm ? (
          <Alert tone="info">{t("admin.orderForm.firmOnly")}</Alert>
        ) : submit.isSuccess ? (
          <>
            <Alert tone="success">
              {t("admin.orderForm.sent", {
                email: submit.data.email,
                expires: submit.data.invitation
                  ? formatDateTime(submit.data.invitation.expiresAt)
                  : "",
              })}
            </Alert>
            <p>
              <Link to={adminUserPath(submit.data.id)}>
                {t("admin.orderForm.openUser", {
                  name: `${submit.data.firstName} ${submit.data.lastName}`,
                })}
              </Link>
            </p>
            <button type="button" className="button" onClick={() => submit.reset()}>
              {t("admin.orderForm.another")}
            </button>
          </>
        ) : (
          <>
            <OrderForm
              draft={draft}
              error={submit.error}
              busy={submit.isPending}
              onSubmit={(fields) => {
                setDraft(fields);
                setAsking({
                  firmId: me.administration?.firm?.id ?? "",
                  fields,
                });
              }}
            />
            {asking ? (
              <ReasonDialog
                title={t("admin.actions.invite")}
                question={t("admin.confirm.invite", { email: asking.fields.email })}
                reason={submit.isError ? submit.variables.reason : undefined}
                onReason={(reason) => {
                  setAsking(null);
                  change.verify({ ...asking, reason });
                }}
                onCancel={() => setAsking(null)}
              />
            ) : null}
          </>
        )
      }
    </AdminLayout>
  );
}

function OrderForm(props: {
  draft: OrderFields;
  error: unknown;
  busy: boolean;
  onSubmit: (fields: OrderFields) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<OrderFields>({
    resolver: zodResolver(OrderFields),
    defaultValues: props.draft,
  });
  const { error } = props;
  // A refused address (shared, outside the firm's domains, taken) or username is shown on its field.
  const refused = refusedField(error);
  useEffect(() => {
    if (!(error instanceof ApiError)) return;
    if (refused === "email" || refused === "traqsUsernames")
      form.setError(refused, { message: `errors.${error.code}` }, { shouldFocus: true });
  }, [error, refused, form]);
  const errors = form.formState.errors;
  const usernamesError =
    errors.traqsUsernames?.message ??
    (Array.isArray(errors.traqsUsernames)
      ? errors.traqsUsernames.find(Boolean)?.message
      : undefined);

  return (
    <FormProvider {...form}>
      <form className="panel" noValidate onSubmit={form.handleSubmit(props.onSubmit)}>
        {refused ? null : <ErrorAlert error={error} />}
        <PersonFields
          emailLabel={t("admin.orderForm.email")}
          emailHint={t("admin.orderForm.emailHint")}
        />
        <Controller
          control={form.control}
          name="traqsUsernames"
          render={({ field }) => (
            <TextField
              label={t("admin.orderForm.traqsUsernames")}
              hint={t("admin.orderForm.traqsUsernamesHint")}
              autoComplete="off"
              autoCapitalize="characters"
              ref={field.ref}
              name={field.name}
              defaultValue={field.value.join(", ")}
              onBlur={field.onBlur}
              onChange={(event) =>
                field.onChange(
                  event.target.value
                    .split(/[\s,]+/)
                    .map((username) => username.trim())
                    .filter(Boolean),
                )
              }
              error={usernamesError}
            />
          )}
        />
        <Controller
          control={form.control}
          name="entitlements"
          render={({ field, fieldState }) => (
            <EntitlementsField
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="nasdaqApplications"
          render={({ field }) => (
            <NasdaqApplicationsField value={field.value ?? []} onChange={field.onChange} />
          )}
        />
        <button type="submit" className="button primary" disabled={props.busy}>
          {props.busy ? t("common.working") : t("admin.orderForm.submit")}
        </button>
      </form>
    </FormProvider>
  );
}
