// Placeholder: being built.
export function LabsPage() {
  return null;
}
