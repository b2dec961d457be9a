import { defineFunction } from '../../../server/handler';
import { getGoods, listGoods, setOnShelf } from './goods';
import { saveGoods } from './goods-save';
import { overview } from './overview';
import { getSettings, saveSettings } from './settings';
import { acceptInvite, createInvite, listStaff, removeStaff } from './staff';

export const main = defineFunction('shop', {
  overview,
  listGoods,
  getGoods,
  saveGoods,
  setOnShelf,
  getSettings,
  saveSettings,
  createInvite,
  acceptInvite,
  listStaff,
  removeStaff,
});
