import * as z from 'zod';
import { ACTIONS } from './permissions.ts';

export const Action = z.enum(ACTIONS);
