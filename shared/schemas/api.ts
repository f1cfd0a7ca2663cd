import * as z from 'zod';
import { ERROR_CODES } from '../errors.ts';

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const LoginInput = z.object({
  username: z.string().trim().min(1).max(128),
  password: z.string().min(1).max(256),
  tenant: z.string().max(40).optional(),
});
export type LoginInput = z.infer<typeof LoginInput>;
