// The DGI's bounds for a contingency reason (15–250 characters), said before the request goes out.
export function reasonProblem(text: string): 'short' | 'long' | null {
  const length = text.trim().length;
  return length < 15 ? 'short' : length > 250 ? 'long' : null;
}
