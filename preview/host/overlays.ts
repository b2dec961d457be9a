/**
 * WeChat UI the page asks for and the shopper answers: toasts, loading, modal dialogs, action
 * sheets, the simulated payment sheet and the image viewer. One per mini-program run; every change
 * is reported so the browser sees it.
 */
import type { ModalRequest, Overlays, PaymentSheet, PickerRequest, Toast } from '../protocol';

export interface ModalAnswer {
  confirm: boolean;
  content?: string;
}

export class OverlayState {
  readonly current: Overlays = { toast: null, loading: null, modal: null, actionSheet: null, payment: null, imagePreview: null, picker: null };
  private toastTimer: ReturnType<typeof setTimeout> | null = null;
  private modalAnswer: ((answer: ModalAnswer) => void) | null = null;
  private sheetAnswer: ((index: number | null) => void) | null = null;
  private paymentAnswer: ((confirm: boolean) => void) | null = null;
  private pickerAnswer: ((values: string[] | null) => void) | null = null;

  constructor(private readonly changed: () => void) {}

  /** WeChat shows one of toast and loading at a time. */
  showToast(toast: Toast, durationMs: number): void {
    this.clearToastTimer();
    this.current.loading = null;
    this.current.toast = toast;
    this.toastTimer = setTimeout(() => this.hideToast(), durationMs);
    this.changed();
  }

  hideToast(): void {
    this.clearToastTimer();
    this.current.toast = null;
    this.changed();
  }

  showLoading(title: string, mask: boolean): void {
    this.clearToastTimer();
    this.current.toast = null;
    this.current.loading = { title, mask };
    this.changed();
  }

  hideLoading(): void {
    this.current.loading = null;
    this.changed();
  }

  askModal(request: ModalRequest): Promise<ModalAnswer> {
    this.modalAnswer?.({ confirm: false });
    this.current.modal = request;
    this.changed();
    return new Promise((resolve) => {
      this.modalAnswer = resolve;
    });
  }

  answerModal(answer: ModalAnswer): void {
    const resolve = this.modalAnswer;
    if (!resolve) throw new Error('no dialog is open');
    this.modalAnswer = null;
    this.current.modal = null;
    this.changed();
    resolve(answer);
  }

  askActionSheet(itemList: string[], itemColor: string): Promise<number | null> {
    this.sheetAnswer?.(null);
    this.current.actionSheet = { itemList, itemColor };
    this.changed();
    return new Promise((resolve) => {
      this.sheetAnswer = resolve;
    });
  }

  answerActionSheet(index: number | null): void {
    const resolve = this.sheetAnswer;
    if (!resolve) throw new Error('no action sheet is open');
    this.sheetAnswer = null;
    this.current.actionSheet = null;
    this.changed();
    resolve(index);
  }

  askPayment(sheet: PaymentSheet): Promise<boolean> {
    this.paymentAnswer?.(false);
    this.current.payment = sheet;
    this.changed();
    return new Promise((resolve) => {
      this.paymentAnswer = resolve;
    });
  }

  answerPayment(confirm: boolean): void {
    const resolve = this.paymentAnswer;
    if (!resolve) throw new Error('no payment sheet is open');
    this.paymentAnswer = null;
    resolve(confirm);
  }

  updatePayment(change: Partial<PaymentSheet> | null): void {
    this.current.payment = change && this.current.payment ? { ...this.current.payment, ...change } : null;
    this.changed();
  }

  askPicker(request: PickerRequest): Promise<string[] | null> {
    this.pickerAnswer?.(null);
    this.current.picker = request;
    this.changed();
    return new Promise((resolve) => {
      this.pickerAnswer = resolve;
    });
  }

  answerPicker(values: string[] | null): void {
    const resolve = this.pickerAnswer;
    if (!resolve) throw new Error('no picker is open');
    this.pickerAnswer = null;
    this.current.picker = null;
    this.changed();
    resolve(values);
  }

  previewImage(url: string): void {
    this.current.imagePreview = { url };
    this.changed();
  }

  dismissPreview(): void {
    this.current.imagePreview = null;
    this.changed();
  }

  private clearToastTimer(): void {
    if (this.toastTimer) clearTimeout(this.toastTimer);
    this.toastTimer = null;
  }
}
