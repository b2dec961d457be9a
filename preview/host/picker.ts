/**
 * WeChat's native `<picker>`: a tap on it opens the preview's picker sheet (overlays), and the
 * shopper's choice comes back as the `change` event WeChat would fire (`cancel` when dismissed).
 * Region is typed in (province, city, district): the preview has no region database.
 */
import type { PickerRequest } from '../protocol';
import { truthy } from './builtins';
import { dispatchOn } from './exparser-events';
import type { OverlayState } from './overlays';
import { templateAttr } from './sim-types';

const MODES = ['selector', 'multiSelector', 'date', 'time', 'region'] as const;

function label(item: unknown, rangeKey: string): string {
  if (item && typeof item === 'object' && rangeKey) return String((item as Record<string, unknown>)[rangeKey] ?? '');
  return String(item ?? '');
}

function request(picker: Element): PickerRequest {
  const rawMode = String(templateAttr(picker, 'mode') ?? 'selector');
  const mode = (MODES as readonly string[]).includes(rawMode) ? (rawMode as PickerRequest['mode']) : 'selector';
  const rangeKey = String(templateAttr(picker, 'range-key') ?? '');
  const range = templateAttr(picker, 'range');
  const value = templateAttr(picker, 'value');
  const list = (items: unknown) => (Array.isArray(items) ? items.map((item) => label(item, rangeKey)) : []);
  switch (mode) {
    case 'selector':
      return { mode, columns: [list(range)], values: [String(Number(value) || 0)] };
    case 'multiSelector':
      return { mode, columns: Array.isArray(range) ? range.map(list) : [], values: Array.isArray(value) ? value.map((v) => String(Number(v) || 0)) : [] };
    case 'region':
      return { mode, columns: [], values: Array.isArray(value) ? value.map(String) : ['', '', ''] };
    default:
      return { mode, columns: [], values: [String(value ?? '')] };
  }
}

function changeDetail(mode: PickerRequest['mode'], values: string[]): Record<string, unknown> {
  switch (mode) {
    case 'selector':
      return { value: Number(values[0] ?? 0) };
    case 'multiSelector':
      return { value: values.map(Number) };
    case 'region':
      return { value: values.slice(0, 3), code: ['', '', ''], postcode: '' };
    default:
      return { value: values[0] ?? '' };
  }
}

/** If `element` is (inside) an enabled picker, opens the sheet and fires the picker's events. */
export function openPicker(overlays: OverlayState, element: Element): void {
  const picker = element.closest('wx-picker');
  if (!picker || truthy(templateAttr(picker, 'disabled'))) return;
  const asked = request(picker);
  void overlays.askPicker(asked).then((values) => {
    if (!picker.isConnected) return;
    if (values === null) dispatchOn(picker, 'cancel', {}, { bubbles: false });
    else dispatchOn(picker, 'change', changeDetail(asked.mode, values), { bubbles: false });
  });
}
