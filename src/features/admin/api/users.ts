import { queryOptions } from "@tanstack/react-query";
import type * as z from "zod/mini";
import { apiRequest } from "@/api/client";
import { adminPaths, UserSearchAnswer, type UserSearchRequest } from "@/api/contracts/admin";
import { adminKeys } from "./keys";
import { searchParams } from "./search-params";

/** A search as the Users screen holds it: the contract's request with its defaults filled in. */
export type UserSearch = z.output<typeof UserSearchRequest>;

/** GET /api/admin/users: one page of the users that match, sorted by the backend. */
export const usersQueryOptions = (search: UserSearch) =>
  queryOptions({
    queryKey: adminKeys.userSearch(search),
    queryFn: ({ signal }) =>
      apiRequest(`${adminPaths.users}?${searchParams(search).toString()}`, UserSearchAnswer, {
        signal,
      }),
  });
