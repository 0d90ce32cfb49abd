'use client';

import { type InfiniteData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../data/api-client';
import type { ActivityFeedQuery } from './activity-filters';

/** Entries per request: a day or two of a busy business, small enough to show quickly on a phone. */
export const ACTIVITY_PAGE_SIZE = 25;

export const activityKeys = {
  all: ['activity'] as const,
  feed: (query: ActivityFeedQuery) => ['activity', 'feed', query] as const,
  /** The people of the business (the person filter, and names instead of emails); kept under this module's
   * key so another screen's cache of members, shaped for its own needs, never collides with it. */
  members: ['activity', 'members'] as const,
};

export async function fetchActivityPage(query: ActivityFeedQuery, cursor: string | undefined) {
  return unwrap(() =>
    api.GET('/api/v1/activity', {
      params: { query: { ...query, limit: ACTIVITY_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
    }),
  );
}

export type ActivityFeedPage = Awaited<ReturnType<typeof fetchActivityPage>>;
export type ActivityFeedEntry = ActivityFeedPage['items'][number];

/** The feed for these filters, newest first, one page per "Load more" (the API's cursor). */
export function useActivityFeed(query: ActivityFeedQuery, enabled: boolean) {
  return useInfiniteQuery<
    ActivityFeedPage,
    Error,
    InfiniteData<ActivityFeedPage, string | undefined>,
    ReturnType<typeof activityKeys.feed>,
    string | undefined
  >({
    queryKey: activityKeys.feed(query),
    queryFn: ({ pageParam }) => fetchActivityPage(query, pageParam),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export async function fetchMembers() {
  return unwrap(() => api.GET('/api/v1/members'));
}

export type ActivityMember = Awaited<ReturnType<typeof fetchMembers>>[number];

/** Only asked of people who may read the members (`users:read`); the person filter is hidden otherwise. */
export function useMembers(enabled: boolean) {
  return useQuery({ queryKey: activityKeys.members, queryFn: fetchMembers, enabled });
}
