// A feature's own messages: English must have exactly the Spanish keys (the compiler checks it).
export interface FeatureMessages<Key extends string> {
  es: Record<Key, string>;
  en: Record<Key, string>;
}

export function defineMessages<const Es extends Record<string, string>>(
  es: Es,
  en: Record<keyof Es & string, string>,
): FeatureMessages<keyof Es & string> {
  return { es, en };
}
