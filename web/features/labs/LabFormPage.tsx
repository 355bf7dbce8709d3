// Placeholder: being built.
export function LabFormPage() {
  return null;
}
