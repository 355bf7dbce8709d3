// Placeholder: being built.
export function TemplatesPage() {
  return null;
}
