import { SUBSCRIBE_TEMPLATES } from '../../../config/subscribe';
import type { ShopApplication } from '../../../services/contracts';
import { applyForShop, fetchMyApplication } from '../../../services/merchant';
import { chooseImages, uploadPrivateImage } from '../../../services/upload';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';
import { SHOP_ROUTES } from '../../../shared/shop-routes';
import { APPLY_LIMITS, type ApplicationCard, applicationCard, type ApplyForm, EMPTY_APPLY_FORM, formFrom, toApplication } from './apply-form';

type TextField = 'shopName' | 'contactName' | 'phone';
const TEXT_FIELDS: TextField[] = ['shopName', 'contactName', 'phone'];

/**
 * Asks for one "review result" message credit. Never fails the application: a refusal, an
 * unknown template (local development) or an old WeChat only means no message, and the result
 * still shows on this page.
 */
async function askForReviewMessage(): Promise<boolean> {
  const templateId = SUBSCRIBE_TEMPLATES.merchantReview;
  try {
    const answer = (await wx.requestSubscribeMessage({ tmplIds: [templateId] } as WechatMiniprogram.RequestSubscribeMessageOption)) as unknown as Record<string, unknown>;
    return answer?.[templateId] === 'accept';
  } catch (failure) {
    console.warn('[shop-apply] requestSubscribeMessage failed:', failure);
    return false;
  }
}

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    /** The latest application, shown as a card; null shows the form. */
    card: null as ApplicationCard | null,
    /** Showing the form (no application yet, or re-applying after a rejection). */
    editing: false,
    form: EMPTY_APPLY_FORM as ApplyForm,
    limits: APPLY_LIMITS,
    uploading: false,
    submitting: false,
  },

  methods: {
    onLoad() {
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading', errorMessage: '' });
      const result = await fetchMyApplication();
      if (!result.ok) {
        this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      this.show(result.data.application);
    },

    show(application: ShopApplication | null) {
      if (!application) {
        this.setData({ status: 'ready', card: null, editing: true });
        return;
      }
      this.setData({ status: 'ready', card: applicationCard(application), editing: false, ...(application.status === 'rejected' ? { form: formFrom(application) } : {}) });
    },

    onReapply() {
      this.setData({ editing: true });
    },

    onOpenShop() {
      const shopId = this.data.card?.shopId;
      if (shopId) void wx.navigateTo({ url: SHOP_ROUTES.overview(shopId) });
    },

    onFieldChange(event: DetailEvent<{ value: string }> & DatasetEvent<{ field?: string }>) {
      const { field } = event.currentTarget.dataset;
      if (TEXT_FIELDS.includes(field as TextField)) this.setData({ [`form.${field}`]: event.detail.value });
    },

    async onPickLicense(): Promise<void> {
      if (this.data.uploading || this.data.submitting) return;
      const [filePath] = await chooseImages({ count: 1, camera: true });
      if (!filePath) return;
      this.setData({ uploading: true });
      const result = await uploadPrivateImage(filePath, 'licence');
      this.setData({ uploading: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      this.setData({ 'form.licenseFileId': result.data });
    },

    onPreviewLicense() {
      const url = this.data.form.licenseFileId;
      if (url) void wx.previewImage({ urls: [url], current: url });
    },

    async onSubmit(): Promise<void> {
      if (this.data.submitting || this.data.uploading) return;
      const built = toApplication(this.data.form);
      if ('problem' in built) {
        void wx.showToast({ title: built.problem, icon: 'none' });
        return;
      }
      this.setData({ submitting: true });
      // asked from the tap itself, as WeChat requires, before the request goes out
      await askForReviewMessage();
      const result = await applyForShop(built.input);
      this.setData({ submitting: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        // already pending (another device, a double tap): show that one
        if (result.error.code === 'CONFLICT') void this.load();
        return;
      }
      void wx.showToast({ title: '申请已提交', icon: 'success' });
      this.show(result.data);
    },
  },
});
