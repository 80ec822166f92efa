import { Language } from '../domain/framework/framework';
import { Instrument, instrumentSchema } from '../domain/pulse-poll/instrument';
import nl from './instrument/b3-instrument.nl.json';
import en from './instrument/b3-instrument.en.json';

export type Instruments = Record<Language, Instrument>;

/** Raised at start-up when an instrument file cannot be used. */
export class InstrumentError extends Error {
  override name = 'InstrumentError';
}

function validate(raw: unknown, language: Language): Instrument {
  const parsed = instrumentSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InstrumentError(`b3-instrument.${language}.json is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  if (parsed.data.language !== language) throw new InstrumentError(`b3-instrument.${language}.json declares language "${parsed.data.language}"`);
  return parsed.data;
}

/** The B3-spiegel questionnaire in both languages, validated at start-up. */
export function loadInstruments(raw: { nl: unknown; en: unknown } = { nl, en }): Instruments {
  return { nl: validate(raw.nl, 'nl'), en: validate(raw.en, 'en') };
}
