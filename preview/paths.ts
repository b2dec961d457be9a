/** Folders the preview reads from. */
import path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..');
/**
 * The mini-program to preview: miniprogram/, or PREVIEW_MINIPROGRAM_ROOT (a copy, e.g. one whose
 * app.json already lists pages still being written). It needs its own miniprogram_npm.
 */
export const MINIPROGRAM_ROOT = process.env.PREVIEW_MINIPROGRAM_ROOT ? path.resolve(process.env.PREVIEW_MINIPROGRAM_ROOT) : path.join(REPO_ROOT, 'miniprogram');
/** The page-test infrastructure the preview reuses (compiled-WXML cache, component overrides). */
export const PAGE_TEST_SUPPORT = path.join(REPO_ROOT, 'test/miniprogram/support');
export const SCREENSHOT_OUT_DIR = path.join(REPO_ROOT, 'screenshots/out');
export const BASELINE_DIR = path.join(REPO_ROOT, 'screenshots/baseline');
