import { defineFunction } from '../../../server/handler';
import { categories } from './categories';
import { detail } from './detail';
import { home } from './home';
import { search } from './search';
import { shop } from './shop';

export const main = defineFunction('catalog', { home, categories, search, detail, shop });
