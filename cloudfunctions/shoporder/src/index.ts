import { defineFunction } from '../../../server/handler';
import { detail, list } from './read';
import { note, ship } from './serve';

export const main = defineFunction('shoporder', { list, detail, ship, note });
