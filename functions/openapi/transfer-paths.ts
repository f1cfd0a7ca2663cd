import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { ListMeta } from '../../shared/schemas/common.ts';
import { Consent } from '../../shared/schemas/referral.ts';
import { Transfer, TransferDeclineInput, TransferInput, TransferListQuery } from '../../shared/schemas/transfer.ts';
import type { PathKit } from './path-kit.ts';

/** Moving a case to another tenant. */
export function registerTransferPaths(registry: OpenAPIRegistry, kit: PathKit): void {
  const { secured, json, errors, changeErrors, error, ifMatch, etag } = kit;
  const transfer = Transfer.meta({ id: 'Transfer' });
  const idParams = z.object({ id: z.string() });
  registry.registerPath({
    method: 'post', path: '/api/v1/cases/{id}/transfers', summary: 'Ask another tenant to take the case over (the child moved); consent required', ...secured,
    request: { params: idParams, body: { content: { 'application/json': { schema: TransferInput.extend({ consent: Consent }) } } } },
    responses: {
      201: { ...json(z.object({ data: transfer }), 'Requested'), headers: etag }, 400: errors[400], 403: errors[403], 404: errors[404],
      409: json(error, 'The case is closed, or a transfer is already waiting'), 422: json(error, 'CONSENT_REQUIRED'),
    },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/transfers', summary: 'Transfers this tenant receives (inbox, supervisors) or sends (outbox)', ...secured,
    request: { query: TransferListQuery },
    responses: { 200: json(z.object({ data: z.array(transfer), meta: ListMeta }), 'A page of transfers'), 403: errors[403] },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/transfers/destinations', summary: 'The other active tenants a case may move to', ...secured,
    responses: { 200: json(z.object({ data: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), parentId: z.string().optional() })) }), 'Tenants'), 403: errors[403] },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/transfers/{id}', summary: 'One transfer: on the sending side to those who may read its case, on the receiving side to those who answer transfers; 404 to anyone else', ...secured, request: { params: idParams },
    responses: { 200: { ...json(z.object({ data: transfer }), 'The transfer'), headers: etag }, 403: errors[403], 404: errors[404] },
  });
  registry.registerPath({
    method: 'post', path: '/api/v1/transfers/{id}/accept', summary: 'Take the case over: it opens here, linked to its past; the sender’s copy closes as transferred', ...secured,
    request: { params: idParams, headers: ifMatch },
    responses: { 200: { ...json(z.object({ data: transfer }), 'Accepted'), headers: etag }, ...changeErrors },
  });
  registry.registerPath({
    method: 'post', path: '/api/v1/transfers/{id}/decline', summary: 'Decline, with a reason', ...secured,
    request: { params: idParams, headers: ifMatch, body: { content: { 'application/json': { schema: TransferDeclineInput } } } },
    responses: { 200: { ...json(z.object({ data: transfer }), 'Declined'), headers: etag }, ...changeErrors },
  });
}
