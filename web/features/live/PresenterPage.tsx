// Placeholder: being built.
export function PresenterPage() {
  return null;
}
