/**
 * Whether a rendered page is fit to show: every TDesign tag resolved (an unresolved one renders as
 * an empty `<t-...>` element, see test/miniprogram/README.md), not an error state, not still
 * loading, not blank.
 */
import { unrenderedTDesignTags } from '../../test/miniprogram/support/npm-components';
import type { MountedPage } from './router';

/** Classes of the error states in this codebase: templates/page-state.wxml and `<page>__error` blocks. */
const ERROR_STATE_CLASS = /(^|--)(page-error|[a-z0-9-]+__error)$/;

export function pageStatus(page: MountedPage): string | null {
  const status = page.root.data?.status;
  return typeof status === 'string' ? status : null;
}

export function pageProblems(page: MountedPage): string[] {
  const problems: string[] = [];
  const dom = page.root.dom;
  for (const tag of unrenderedTDesignTags(dom)) problems.push(`TDesign tag rendered empty (unresolved component): ${tag}`);
  const status = pageStatus(page);
  const message = page.root.data?.errorMessage;
  if (status === 'error') problems.push(`error state${typeof message === 'string' && message ? `: ${message}` : ''}`);
  else if (status === 'loading') problems.push('still loading');
  const errorBlock = [...dom.querySelectorAll('*')].find((element) => [...element.classList].some((name) => ERROR_STATE_CLASS.test(name)));
  if (errorBlock && status !== 'error') problems.push(`error state shown: ${(errorBlock.textContent ?? '').trim().slice(0, 80)}`);
  const hasText = (dom.textContent ?? '').trim() !== '';
  if (!hasText && !dom.querySelector('wx-image')) problems.push('blank page: no text and no image');
  return problems;
}
