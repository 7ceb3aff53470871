/** A reason behind an answer: a stable code and the same sentence in Arabic and English. */
export interface Reason {
  readonly code: string;
  readonly ar: string;
  readonly en: string;
}

/** One line per reason, Arabic first: «…» — English. */
export function bilingual(reason: Reason): string {
  return `${reason.ar} — ${reason.en}`;
}
