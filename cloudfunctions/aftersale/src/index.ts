import { defineFunction } from '../../../server/handler';
import { apply, maxRefundable } from './apply';
import { approve, confirmReturn, reject, shopDetail, shopList } from './shop';
import { cancel, detail, mine, submitReturn } from './shopper';

export const main = defineFunction('aftersale', { apply, mine, detail, cancel, submitReturn, maxRefundable, shopList, shopDetail, approve, reject, confirmReturn });
