import { randomBytes } from 'node:crypto';
import { type SecCheckWord, normalise } from './sec-check-words';
import { type WxAnswer, wxError, wxOk } from './wx-answer';

const MAX_CONTENT = 2500;
const NORMAL_LABEL = 100;

type Suggest = 'pass' | 'review' | 'risky';

interface Verdict {
  suggest: Suggest;
  label: number;
  matches: SecCheckWord[];
}

/** Matches text against the word list: any risky word makes it risky, else any review word makes it review. */
export function judge(text: string, words: readonly SecCheckWord[]): Verdict {
  const haystack = normalise(text);
  const matches = words.filter((w) => haystack.includes(normalise(w.word)));
  const risky = matches.find((w) => w.suggest === 'risky');
  if (risky) return { suggest: 'risky', label: risky.label, matches };
  const review = matches.find((w) => w.suggest === 'review');
  if (review) return { suggest: 'review', label: review.label, matches };
  return { suggest: 'pass', label: NORMAL_LABEL, matches };
}

/**
 * `security.msgSecCheck`, judged with the local word list instead of WeChat's models.
 *
 * Version 2 (`version: 2`, with `openid` and `scene` 1-4) always succeeds and reports
 * `result: {suggest, label}` plus `detail` entries: one `content_model` verdict and one `keyword`
 * entry per matched word. Version 1 (no `version`) answers 87014 "risky content" for risky text and
 * ok otherwise, which the SDK throws / resolves respectively.
 */
export function msgSecCheck(params: Record<string, unknown>, words: readonly SecCheckWord[]): WxAnswer {
  const content = params.content;
  if (typeof content !== 'string' || content === '') return wxError(47001, 'data format error hint: content is required');
  if ([...content].length > MAX_CONTENT) return wxError(40097, `invalid args hint: content is longer than ${MAX_CONTENT} characters`);
  const version = params.version;
  if (version === undefined || version === 1 || version === '1') {
    return judge(content, words).suggest === 'risky' ? wxError(87014, 'risky content') : wxOk();
  }
  if (version !== 2 && version !== '2') return wxError(40097, 'invalid args hint: version must be 2');
  if (typeof params.openid !== 'string' || params.openid === '') return wxError(40003, 'invalid openid');
  const scene = Number(params.scene);
  if (!Number.isInteger(scene) || scene < 1 || scene > 4) return wxError(40097, 'invalid args hint: scene must be 1 (profile), 2 (comment), 3 (forum) or 4 (social log)');
  const extra = ['title', 'nickname', 'signature'].map((k) => params[k]).filter((v): v is string => typeof v === 'string');
  const verdict = judge([content, ...extra].join('\n'), words);
  const detail: Record<string, unknown>[] = [
    // The emulator has no model: this entry mirrors the keyword verdict so callers see its usual shape.
    { strategy: 'content_model', errcode: 0, suggest: verdict.suggest, label: verdict.label, prob: verdict.suggest === 'pass' ? 0 : 90 },
    ...verdict.matches.map((w) => ({ strategy: 'keyword', errcode: 0, suggest: w.suggest, label: w.label, level: w.suggest === 'risky' ? 90 : 60, keyword: w.word })),
  ];
  const h = randomBytes(12).toString('hex');
  return wxOk({ result: { suggest: verdict.suggest, label: verdict.label }, detail, trace_id: `${h.slice(0, 8)}-${h.slice(8, 16)}-${h.slice(16)}` });
}
