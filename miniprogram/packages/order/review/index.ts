/**
 * Writing reviews for a received order: per line stars, text and up to 9 photos; lines already
 * reviewed show read-only. Submits every line given stars; the server checks the text
 * (CONTENT_RISKY names what to change) and refuses lines reviewed before.
 */
import type { OrderReviewState } from '../../../services/contracts';
import { REVIEW_LIMITS } from '../../../services/contracts';
import { fetchOrderReviews, submitReviews } from '../../../services/review';
import { chooseImages, uploadImage } from '../../../services/upload';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';

interface LineForm {
  lineIndex: number;
  title: string;
  coverUrl: string;
  specText: string;
  reviewed: boolean;
  stars: number;
  text: string;
  photos: string[];
}

const STAR_TEXTS = ['', '非常差', '差', '一般', '满意', '非常满意'];

function toLines(state: OrderReviewState): LineForm[] {
  return state.lines.map((l) => ({
    lineIndex: l.lineIndex,
    title: l.title,
    coverUrl: l.coverUrl,
    specText: l.specText,
    reviewed: l.review !== null,
    stars: l.review?.stars ?? 5,
    text: l.review?.text ?? '',
    photos: l.review?.photos ?? [],
  }));
}

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    orderId: '',
    canReview: false,
    lines: [] as LineForm[],
    pending: 0,
    anonymous: false,
    submitting: false,
    starTexts: STAR_TEXTS,
    textMax: REVIEW_LIMITS.textMax,
    photosMax: REVIEW_LIMITS.photosMax,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const orderId = query.orderId ?? '';
      this.setData({ orderId });
      if (!orderId) return void this.setData({ status: 'error', errorMessage: '订单不存在' });
      void this.load();
    },

    async load() {
      this.setData({ status: 'loading' });
      const result = await fetchOrderReviews(this.data.orderId);
      if (!result.ok) return void this.setData({ status: 'error', errorMessage: result.error.message });
      this.show(result.data);
    },

    show(state: OrderReviewState) {
      const lines = toLines(state);
      this.setData({ status: lines.length ? 'ready' : 'empty', canReview: state.canReview, lines, pending: lines.filter((l) => !l.reviewed).length });
    },

    onRetry() {
      void this.load();
    },

    onStarsChange(event: DetailEvent<{ value: number }> & DatasetEvent<{ index?: number }>) {
      const index = Number(event.currentTarget.dataset.index);
      this.setData({ [`lines[${index}].stars`]: Math.max(1, Math.round(event.detail.value)) });
    },

    onTextInput(event: DetailEvent<{ value: string }> & DatasetEvent<{ index?: number }>) {
      const index = Number(event.currentTarget.dataset.index);
      this.setData({ [`lines[${index}].text`]: event.detail.value });
    },

    onToggleAnonymous() {
      this.setData({ anonymous: !this.data.anonymous });
    },

    async onAddPhoto(event: DatasetEvent<{ index?: number }>) {
      const index = Number(event.currentTarget.dataset.index);
      const line = this.data.lines[index];
      if (!line) return;
      const left = REVIEW_LIMITS.photosMax - line.photos.length;
      if (left <= 0) return;
      for (const filePath of await chooseImages({ count: left, camera: true })) {
        const uploaded = await uploadImage(filePath, 'reviews');
        if (!uploaded.ok) return void wx.showToast({ title: uploaded.error.message, icon: 'none' });
        this.setData({ [`lines[${index}].photos`]: [...(this.data.lines[index]?.photos ?? []), uploaded.data] });
      }
    },

    onRemovePhoto(event: DatasetEvent<{ index?: number; photo?: number }>) {
      const index = Number(event.currentTarget.dataset.index);
      const photo = Number(event.currentTarget.dataset.photo);
      const line = this.data.lines[index];
      if (line) this.setData({ [`lines[${index}].photos`]: line.photos.filter((_p, i) => i !== photo) });
    },

    async onSubmit() {
      if (this.data.submitting || !this.data.canReview) return;
      const items = this.data.lines.filter((l) => !l.reviewed).map((l) => ({ lineIndex: l.lineIndex, stars: l.stars, text: l.text.trim(), photos: l.photos }));
      if (!items.length) return;
      this.setData({ submitting: true });
      const result = await submitReviews({ orderId: this.data.orderId, items, ...(this.data.anonymous ? { anonymous: true } : {}) });
      this.setData({ submitting: false });
      if (!result.ok) return void wx.showToast({ title: result.error.message, icon: 'none' });
      this.show(result.data);
      void wx.showToast({ title: '评价成功', icon: 'success' });
    },
  },
});
