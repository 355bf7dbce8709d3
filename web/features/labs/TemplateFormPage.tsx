// Placeholder: being built.
export function TemplateFormPage() {
  return null;
}
