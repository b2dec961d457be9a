/**
 * WeChat's value rules for subscription-message template keywords. A keyword's type is the name
 * without its trailing number (`thing1` is a `thing`). Values breaking these rules make
 * `subscribeMessage.send` fail with 47003 in production; the most common case is a `thing` over
 * 20 characters, so the emulator enforces them too.
 */
interface Rule {
  test(value: string): boolean;
  describe: string;
}

const chars = (s: string) => [...s].length;
const HAN = /^\p{Script=Han}+$/u;

const RULES: Readonly<Record<string, Rule>> = {
  thing: { test: (v) => chars(v) <= 20, describe: 'at most 20 characters' },
  number: { test: (v) => v.length <= 32 && /^-?\d+(\.\d+)?$/.test(v), describe: 'a number of at most 32 digits' },
  letter: { test: (v) => v.length <= 32 && /^[A-Za-z]+$/.test(v), describe: 'at most 32 letters' },
  symbol: { test: (v) => chars(v) <= 5 && /^[^\p{L}\p{N}\s]+$/u.test(v), describe: 'at most 5 symbols' },
  character_string: { test: (v) => v.length <= 32 && /^[\x21-\x7e]+$/.test(v), describe: 'at most 32 digits, letters or symbols' },
  time: { test: (v) => chars(v) <= 40 && /\d{1,2}:\d{2}/.test(v), describe: 'a 24-hour time such as 15:01 or 2019年10月1日 15:01' },
  date: { test: (v) => chars(v) <= 40 && /\d{4}\s*(年|-|\/|\.)\s*\d{1,2}/.test(v), describe: 'a date such as 2019年10月1日 or 2019-10-01' },
  amount: { test: (v) => /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(v), describe: 'an amount such as ¥100.00 or 100.00元' },
  phone_number: { test: (v) => v.length <= 17 && /^[\d+\-()\s]+$/.test(v), describe: 'at most 17 digits or symbols' },
  car_number: { test: (v) => chars(v) <= 8 && /^[\p{Script=Han}A-Za-z0-9][A-Za-z0-9]*[\p{Script=Han}A-Za-z0-9]?$/u.test(v), describe: 'a plate number of at most 8 characters' },
  name: { test: (v) => (HAN.test(v) && chars(v) <= 10) || (/^[A-Za-z\s.·-]+$/.test(v) && v.length <= 20), describe: 'at most 10 Chinese characters or 20 letters' },
  phrase: { test: (v) => HAN.test(v) && chars(v) <= 5, describe: 'at most 5 Chinese characters' },
};

/** Returns a WeChat-style error message for the first invalid keyword, or undefined when all pass. */
export function checkTemplateData(data: unknown): string | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data) || Object.keys(data).length === 0) return 'argument invalid! data is empty';
  for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
    const raw = (entry as { value?: unknown } | null)?.value;
    if (typeof raw !== 'string' && typeof raw !== 'number') return `argument invalid! data.${key}.value is empty`;
    const value = String(raw);
    if (value === '') return `argument invalid! data.${key}.value is empty`;
    const type = key.replace(/\d+$/, '');
    // own entries only: a keyword such as `constructor1` has no rule, it is not Object's constructor
    const rule = Object.prototype.hasOwnProperty.call(RULES, type) ? RULES[type] : undefined;
    if (rule && !rule.test(value)) return `argument invalid! data.${key}.value invalid (${type} must be ${rule.describe})`;
  }
  return undefined;
}
