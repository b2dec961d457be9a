import { defineFunction } from '../../../server/handler';
import { deleteBanner, listBanners, saveBanner } from './banners';
import { deleteCategory, listCategories, saveCategory, setCategoryStatus } from './categories';
import { dashboard } from './dashboard';

export const main = defineFunction('platform', { dashboard, listCategories, saveCategory, setCategoryStatus, deleteCategory, listBanners, saveBanner, deleteBanner });
