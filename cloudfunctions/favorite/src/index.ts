import { defineFunction } from '../../../server/handler';
import { add, list, remove, status } from './favorites';
import { clearHistory, history, record, removeHistory } from './history';

export const main = defineFunction('favorite', { status, add, remove, list, record, history, removeHistory, clearHistory });
