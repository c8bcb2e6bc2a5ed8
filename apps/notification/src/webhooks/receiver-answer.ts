/** What the delivery log keeps of a receiver's answer: `HTTP <status>` and the start of its body. */
export function receiverAnswer(status: number, body: string): string {
  const excerpt = body.slice(0, 200).trim();
  return excerpt ? `HTTP ${status} ${excerpt}` : `HTTP ${status}`;
}

/** 410 Gone: the receiver says the endpoint will never take deliveries again. */
export function isGoneAnswer(answer: string): boolean {
  return /^HTTP 410\b/.test(answer);
}
