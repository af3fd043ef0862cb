import type {
  AlertAck,
  AuditEvent,
  Channel,
  ClientConfig,
  CompactSiteList,
  CreateChannelRequest,
  CreateOrganisationRequest,
  CreateSiteRequest,
  CreateUserRequest,
  CreateZoneRequest,
  DirectoryEntry,
  Message,
  Organisation,
  SiteFeature,
  SiteFeatureCollection,
  SiteMarkerList,
  SiteType,
  UpdateSiteRequest,
  UpdateUserRequest,
  UpdateZoneRequest,
  User,
  ZoneCheckResponse,
  ZoneFeature,
  ZoneFeatureCollection,
  ZoneDiff,
  ZoneHistory,
  ZoneStatus,
  ZoneSuspendRequest,
  AlertStatus,
  ChannelPatch,
  EscalationPolicy,
  EscalationPolicyInput,
  EscalationPolicyPatch,
} from '@samverkan/contracts';
import type { ApiFetch } from './api-client';
import { pathSegment, queryString } from './url';

/** `[minLng, minLat, maxLng, maxLat]`, as the contract's `bbox` parameter. */
export type Bbox = [number, number, number, number];

/**
 * The contract's HTTP api, one typed method per endpoint the app uses. Nothing here knows about the DOM or
 * Leaflet: requests and responses are the types from `@samverkan/contracts`.
 */
export function createSamverkanApi(apiFetch: ApiFetch) {
  return {
    clientConfig: () => apiFetch<ClientConfig>('/api/client-config', { auth: false }),

    sites: {
      list: (filter: { bbox?: Bbox; types?: SiteType[] } = {}, signal?: AbortSignal) =>
        apiFetch<SiteFeatureCollection>(
          `/api/sites${queryString({ bbox: filter.bbox?.join(','), type: filter.types?.join(',') })}`,
          { signal },
        ),
      /** Every site for the map, compact; the browser keeps it and asks with its ETag (a 304 while unchanged). */
      compact: (signal?: AbortSignal) => apiFetch<CompactSiteList>('/api/sites/compact', { signal }),
      /** Every site's marker (id, place, type, name) for the map's first view; cached like the compact list. */
      markers: (signal?: AbortSignal) => apiFetch<SiteMarkerList>('/api/sites/markers', { signal }),
      get: (siteId: string) => apiFetch<SiteFeature>(`/api/sites/${pathSegment(siteId)}`),
      create: (body: CreateSiteRequest) => apiFetch<SiteFeature>('/api/sites', { method: 'POST', body }),
      update: (siteId: string, body: UpdateSiteRequest) =>
        apiFetch<SiteFeature>(`/api/sites/${pathSegment(siteId)}`, { method: 'PATCH', body }),
      remove: (siteId: string) => apiFetch<void>(`/api/sites/${pathSegment(siteId)}`, { method: 'DELETE' }),
    },

    zones: {
      list: (filter: { bbox?: Bbox; statuses?: ZoneStatus[]; at?: string } = {}, signal?: AbortSignal) =>
        apiFetch<ZoneFeatureCollection>(
          `/api/zones${queryString({ bbox: filter.bbox?.join(','), status: filter.statuses?.join(','), at: filter.at })}`,
          { signal },
        ),
      get: (zoneId: string) => apiFetch<ZoneFeature>(`/api/zones/${pathSegment(zoneId)}`),
      history: (zoneId: string) => apiFetch<ZoneHistory>(`/api/zones/${pathSegment(zoneId)}/history`),
      /** What changed between two versions; by default from the version in force (or the one before) to the current one. */
      diff: (zoneId: string, versions: { from?: number; to?: number } = {}, signal?: AbortSignal) =>
        apiFetch<ZoneDiff>(`/api/zones/${pathSegment(zoneId)}/diff${queryString({ from: versions.from, to: versions.to })}`, { signal }),
      /** The position is sent here and nowhere else; the api does not store it. */
      check: (position: { lat: number; lng: number }, radiusMeters?: number, signal?: AbortSignal) =>
        apiFetch<ZoneCheckResponse>(
          `/api/zones/check${queryString({ lat: position.lat, lng: position.lng, radius: radiusMeters })}`,
          { signal, cache: 'no-store' },
        ),
      create: (body: CreateZoneRequest) => apiFetch<ZoneFeature>('/api/zones', { method: 'POST', body }),
      update: (zoneId: string, body: UpdateZoneRequest) =>
        apiFetch<ZoneFeature>(`/api/zones/${pathSegment(zoneId)}`, { method: 'PATCH', body }),
      /** `diffFrom`: the version the signatory compared against, recorded with the approval. */
      approve: (zoneId: string, version: number, diffFrom?: number) =>
        apiFetch<ZoneFeature>(`/api/zones/${pathSegment(zoneId)}/approve`, {
          method: 'POST',
          body: diffFrom === undefined ? { version } : { version, diffFrom },
        }),
      suspend: (zoneId: string, body: ZoneSuspendRequest) =>
        apiFetch<ZoneFeature>(`/api/zones/${pathSegment(zoneId)}/suspend`, {
          method: 'POST',
          body,
        }),
      withdraw: (zoneId: string, reason: string) =>
        apiFetch<ZoneFeature>(`/api/zones/${pathSegment(zoneId)}/withdraw`, {
          method: 'POST',
          body: { reason },
        }),
    },

    audit: {
      list: (entity: 'site' | 'zone', entityId: string) =>
        apiFetch<AuditEvent[]>(`/api/audit${queryString({ entity, entityId })}`),
    },

    channels: {
      list: () => apiFetch<Channel[]>('/api/channels'),
      get: (channelId: string) => apiFetch<Channel>(`/api/channels/${pathSegment(channelId)}`),
      create: (body: CreateChannelRequest) => apiFetch<Channel>('/api/channels', { method: 'POST', body }),
      messages: (channelId: string, page: { beforeSeq?: number; afterSeq?: number; limit?: number } = {}) =>
        apiFetch<Message[]>(`/api/channels/${pathSegment(channelId)}/messages${queryString(page)}`),
      acknowledgements: (channelId: string, messageId: string) =>
        apiFetch<AlertAck[]>(
          `/api/channels/${pathSegment(channelId)}/messages/${pathSegment(messageId)}/acks`,
        ),
      update: (channelId: string, body: ChannelPatch) =>
        apiFetch<Channel>(`/api/channels/${pathSegment(channelId)}`, { method: 'PATCH', body }),
    },

    escalationPolicies: {
      list: () => apiFetch<EscalationPolicy[]>('/api/escalation-policies'),
      create: (body: EscalationPolicyInput) =>
        apiFetch<EscalationPolicy>('/api/escalation-policies', { method: 'POST', body }),
      update: (policyId: string, body: EscalationPolicyPatch) =>
        apiFetch<EscalationPolicy>(`/api/escalation-policies/${pathSegment(policyId)}`, { method: 'PATCH', body }),
      remove: (policyId: string) =>
        apiFetch<void>(`/api/escalation-policies/${pathSegment(policyId)}`, { method: 'DELETE' }),
    },

    alerts: {
      status: (messageId: string) => apiFetch<AlertStatus>(`/api/alerts/${pathSegment(messageId)}`),
    },

    organisations: {
      list: () => apiFetch<Organisation[]>('/api/organisations'),
      create: (body: CreateOrganisationRequest) =>
        apiFetch<Organisation>('/api/organisations', { method: 'POST', body }),
    },

    users: {
      list: () => apiFetch<User[]>('/api/users'),
      directory: () => apiFetch<DirectoryEntry[]>('/api/users/directory'),
      create: (body: CreateUserRequest) => apiFetch<User>('/api/users', { method: 'POST', body }),
      update: (userId: string, body: UpdateUserRequest) =>
        apiFetch<User>(`/api/users/${pathSegment(userId)}`, { method: 'PATCH', body }),
      resetSecondFactor: (userId: string) =>
        apiFetch<void>(`/api/users/${pathSegment(userId)}/mfa/reset`, { method: 'POST' }),
    },
  };
}

export type SamverkanApi = ReturnType<typeof createSamverkanApi>;
