// Placeholder: being built.
export function LivePage() {
  return null;
}
