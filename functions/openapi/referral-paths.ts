import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import type { PathKit } from './path-kit.ts';
import { ListMeta } from '../../shared/schemas/common.ts';
import { Organization, OrganizationInput, OrganizationPatch } from '../../shared/schemas/organization.ts';
import {
  AcceptInput,
  CompleteInput,
  Consent,
  DeclineInput,
  Notifications,
  Referral,
  ReferralInput,
  ReferralListQuery,
  RevokeInput,
} from '../../shared/schemas/referral.ts';

/** Partner organisations, referrals and notifications. */
export function registerReferralPaths(registry: OpenAPIRegistry, kit: PathKit): void {
  const { secured, json, errors, changeErrors, error, ifMatch, etag } = kit;
  const organization = Organization.meta({ id: 'Organization' });
  const referral = Referral.meta({ id: 'Referral' });
  const idParams = z.object({ id: z.string() });
  registry.registerPath({
    method: 'get', path: '/api/v1/organizations', summary: 'Partner organisations and their services (a partner sees its own)', ...secured,
    request: { query: z.object({ limit: z.number().optional(), cursor: z.string().optional() }) },
    responses: { 200: json(z.object({ data: z.array(organization), meta: ListMeta }), 'The directory'), 403: errors[403] },
  });
  registry.registerPath({
    method: 'post', path: '/api/v1/organizations', summary: 'Add a partner organisation (tenant admin)', ...secured,
    request: { body: { content: { 'application/json': { schema: OrganizationInput } } } },
    responses: { 201: { ...json(z.object({ data: organization }), 'Created'), headers: etag }, 400: errors[400], 403: errors[403], 409: json(error, 'The id is taken') },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/organizations/{id}', summary: 'One partner organisation', ...secured, request: { params: idParams },
    responses: { 200: { ...json(z.object({ data: organization }), 'The organisation'), headers: etag }, 404: errors[404] },
  });
  registry.registerPath({
    method: 'patch', path: '/api/v1/organizations/{id}', summary: 'Change a partner organisation, its services, or deactivate it (tenant admin)', ...secured,
    request: { params: idParams, headers: ifMatch, body: { content: { 'application/json': { schema: OrganizationPatch } } } },
    responses: { 200: { ...json(z.object({ data: organization }), 'The new version'), headers: etag }, ...changeErrors },
  });
  registry.registerPath({
    method: 'post', path: '/api/v1/cases/{id}/referrals', summary: 'Refer the case to a partner: consent required; the shared sections are copied now', ...secured,
    request: {
      params: idParams,
      headers: z.object({ 'idempotency-key': z.string().optional() }),
      body: { content: { 'application/json': { schema: ReferralInput.extend({ consent: Consent }) } } },
    },
    responses: {
      201: { ...json(z.object({ data: referral }), 'Referred'), headers: etag },
      400: errors[400], 403: errors[403], 404: errors[404],
      409: json(error, 'The case is closed, or the Idempotency-Key was used with another body'),
      422: json(error, 'CONSENT_REQUIRED: no valid consent (details say what is missing)'),
    },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/referrals', summary: "A partner's inbox or the referring side's outbox (no snapshots in lists)", ...secured,
    request: { query: ReferralListQuery },
    responses: { 200: json(z.object({ data: z.array(referral.omit({ snapshot: true })), meta: ListMeta }), 'A page of referrals'), 403: errors[403] },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/referrals/{id}', summary: "One referral with its snapshot; a partner's read lands on the case history", ...secured,
    request: { params: idParams },
    responses: { 200: { ...json(z.object({ data: referral }), 'The referral'), headers: etag }, 403: errors[403], 404: errors[404] },
  });
  const actions: [string, z.ZodType, string][] = [
    ['accept', AcceptInput, 'The partner takes the referral on'],
    ['decline', DeclineInput, 'The partner declines, with a reason'],
    ['complete', CompleteInput, 'The partner reports the outcome'],
    ['revoke', RevokeInput, 'The referring side withdraws it; the partner then gets 404'],
  ];
  for (const [action, schema, summary] of actions) {
    registry.registerPath({
      method: 'post', path: `/api/v1/referrals/{id}/${action}`, summary, ...secured,
      request: { params: idParams, headers: ifMatch, body: { content: { 'application/json': { schema } } } },
      responses: { 200: { ...json(z.object({ data: referral }), 'The changed referral'), headers: etag }, ...changeErrors },
    });
  }
  registry.registerPath({
    method: 'get', path: '/api/v1/notifications', summary: 'Unread counts: new referrals, answers to yours', ...secured,
    responses: { 200: json(z.object({ data: Notifications }), 'Counts'), 401: errors[401] },
  });
  registry.registerPath({
    method: 'post', path: '/api/v1/notifications/seen', summary: 'Mark everything until now as read', ...secured,
    responses: { 200: json(z.object({ data: z.object({ seenAt: z.string() }) }), 'Marked'), 403: errors[403] },
  });
}
