// The shape every namespace of messages has: the same keys in Dutch and in English.

/** A nested table of message strings. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

/** Declares a namespace; the English table must have exactly the Dutch table's keys. */
export function defineMessages<T extends MessageTree>(messages: {
  nl: T;
  en: T;
}): { nl: T; en: T } {
  return messages;
}
