/** What a data page is showing. Every page that loads data renders exactly one of these. */
export type PageStatus = 'loading' | 'ready' | 'empty' | 'error';
