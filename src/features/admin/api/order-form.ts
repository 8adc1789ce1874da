import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "@/api/client";
import { adminPaths, UserDetail, type OrderFormRequest } from "@/api/contracts/admin";
import { adminKeys } from "./keys";

/**
 * POST /api/admin/order-form: a new API user, invited by email. The new user is in the searches
 * now, and the audit log has one more event (also when the address is refused).
 */
export function useSubmitOrderForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrderFormRequest) =>
      apiRequest(adminPaths.orderForm, UserDetail, { method: "POST", body }),
    onSuccess: (user) => {
      queryClient.setQueryData(adminKeys.user(user.id), user);
      void queryClient.invalidateQueries({ queryKey: [...adminKeys.users, "search"] });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: adminKeys.audit }),
  });
}
