import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { FormActions } from "./FormActions";
import * as z from "zod/mini";
import { EditEntitlementsRequest, type Entitlement } from "@/api/contracts/admin";
import { EntitlementsField } from "./EntitlementsField";

const EntitlementsFields = z.object({ entitlements: EditEntitlementsRequest.shape.entitlements });
type EntitlementsFields = z.input<typeof EntitlementsFields>;

/**
 * Edit entitlements: a new Order Form entry for this user. Its draft is the page's, so that it
 * outlives "Verify it's you" and a failed request; null while not editing.
 */
export function EditEntitlements(props: {
  current: readonly Entitlement[];
  draft: Entitlement[] | null;
  busy: boolean;
  onEdit: (draft: Entitlement[] | null) => void;
  onSubmit: (entitlements: Entitlement[]) => void;
}) {
  const { t } = useTranslation();
  if (!props.draft)
    return (
      <button type="button" className="button" onClick={() => props.onEdit([...props.current])}>
        {t("admin.entitlements.edit")}
      </button>
    );
  return <EntitlementsForm {...props} draft={props.draft} />;
}

function EntitlementsForm(props: {
  draft: Entitlement[];
  busy: boolean;
  onEdit: (draft: Entitlement[] | null) => void;
  onSubmit: (entitlements: Entitlement[]) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<EntitlementsFields>({
    resolver: zodResolver(EntitlementsFields),
    defaultValues: { entitlements: props.draft },
  });
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(({ entitlements }) => props.onSubmit(entitlements))}
    >
      <Controller
        control={form.control}
        name="entitlements"
        render={({ field, fieldState }) => (
          <EntitlementsField
            value={field.value}
            onChange={(entitlements) => {
              field.onChange(entitlements);
              props.onEdit(entitlements);
            }}
            error={fieldState.error?.message}
          />
        )}
      />
      <FormActions
        submit={t("admin.entitlements.submit")}
        busy={props.busy}
        onCancel={() => props.onEdit(null)}
      />
    </form>
  );
}
