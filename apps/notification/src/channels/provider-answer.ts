/** The delivery log keeps a provider's answer, bounded: a misbehaving peer must not fill the database. */
export function providerAnswer(text: string, maxLength = 1000): string {
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
