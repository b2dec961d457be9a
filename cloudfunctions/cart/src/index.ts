import { defineFunction } from '../../../server/handler';
import { add } from './add';
import { remove, select, setQuantity } from './edit';
import { count, view } from './view';

export const main = defineFunction('cart', { view, add, setQuantity, remove, select, count });
