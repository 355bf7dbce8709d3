// Placeholder: being built.
export function LabPage() {
  return null;
}
