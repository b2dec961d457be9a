import { defineFunction } from '../../../server/handler';
import { center } from './center';
import { claim } from './claim';
import { counts, mine } from './mine';

export const main = defineFunction('coupon', { center, claim, mine, counts });
