import type { Language } from './types.js';

/**
 * The core's own finding messages, in each text language and in English.
 * Placeholders in braces are filled from `params`.
 */
const MESSAGES = {
  'long-sentence': {
    sv: 'Lång mening: {words} ord (högst {limit}). Dela upp den i kortare meningar.',
    nb: 'Lang setning: {words} ord (høyst {limit}). Del den opp i kortere setninger.',
    nn: 'Lang setning: {words} ord (høgst {limit}). Del han opp i kortare setningar.',
    fi: 'Pitkä virke: {words} sanaa (enintään {limit}). Jaa se lyhyemmiksi virkkeiksi.',
    en: 'Long sentence: {words} words (at most {limit}). Split it into shorter sentences.',
  },
  'long-word': {
    sv: 'Mycket långt ord: {letters} bokstäver. Skriv om eller dela upp ordet.',
    nb: 'Svært langt ord: {letters} bokstaver. Skriv om eller del opp ordet.',
    nn: 'Svært langt ord: {letters} bokstavar. Skriv om eller del opp ordet.',
    fi: 'Hyvin pitkä sana: {letters} kirjainta. Muotoile toisin tai pilko sana.',
    en: 'Very long word: {letters} letters. Rephrase or split it.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageId = keyof typeof MESSAGES;

export function formatMessage(id: MessageId, language: Language, params: Record<string, string | number>): string {
  return MESSAGES[id][language].replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}
