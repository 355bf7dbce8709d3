// Placeholder: being built.
export function JoinPage() {
  return null;
}
