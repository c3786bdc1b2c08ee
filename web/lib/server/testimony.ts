import { z } from 'zod';
import { WITHDRAWAL_CODE } from './flash';

/** The flash that carries a testimony's withdrawal code to its thank-you page. */
export const TESTIMONY_THANKS = 'cm_testimony_thanks';
export const TestimonyThanks = z.object({ code: z.string().regex(WITHDRAWAL_CODE) });
