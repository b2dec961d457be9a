/** Toasts, loading, dialogs, action sheets, image viewer and clipboard, drawn by the preview's shell. */
import type { OverlayState } from '../overlays';
import { asyncApi } from './async-api';

interface ToastOptions {
  title?: string;
  icon?: 'success' | 'error' | 'loading' | 'none';
  duration?: number;
  mask?: boolean;
}

interface ModalOptions {
  title?: string;
  content?: string;
  showCancel?: boolean;
  cancelText?: string;
  confirmText?: string;
  editable?: boolean;
  placeholderText?: string;
}

export function uiApi(overlays: OverlayState): Record<string, unknown> {
  return {
    showToast: asyncApi<ToastOptions>('showToast', ({ title = '', icon = 'success', duration = 1500, mask = false }) => {
      overlays.showToast({ title, icon, mask }, duration);
    }),
    hideToast: asyncApi<object>('hideToast', () => overlays.hideToast()),
    showLoading: asyncApi<{ title?: string; mask?: boolean }>('showLoading', ({ title = '', mask = false }) => overlays.showLoading(title, mask)),
    hideLoading: asyncApi<object>('hideLoading', () => overlays.hideLoading()),
    showModal: asyncApi<ModalOptions>('showModal', async (options) => {
      const answer = await overlays.askModal({
        title: options.title ?? '',
        content: options.content ?? '',
        showCancel: options.showCancel ?? true,
        cancelText: options.cancelText ?? '取消',
        confirmText: options.confirmText ?? '确定',
        editable: options.editable ?? false,
        placeholderText: options.placeholderText ?? '',
      });
      return { confirm: answer.confirm, cancel: !answer.confirm, ...(options.editable ? { content: answer.content ?? '' } : {}) };
    }),
    showActionSheet: asyncApi<{ itemList: string[]; itemColor?: string }>('showActionSheet', async ({ itemList, itemColor = '#000000' }) => {
      const tapIndex = await overlays.askActionSheet(itemList, itemColor);
      if (tapIndex === null) throw new Error('cancel');
      return { tapIndex };
    }),
    previewImage: asyncApi<{ urls: string[]; current?: string }>('previewImage', ({ urls, current }) => {
      const url = current ?? urls[0];
      if (url) overlays.previewImage(url);
    }),
    setClipboardData: asyncApi<{ data: string }>('setClipboardData', () => overlays.showToast({ title: '内容已复制', icon: 'none', mask: false }, 1500)),
    makePhoneCall: asyncApi<{ phoneNumber: string }>('makePhoneCall', ({ phoneNumber }) =>
      overlays.showToast({ title: `拨打 ${phoneNumber}（预览不拨号）`, icon: 'none', mask: false }, 1500),
    ),
  };
}
