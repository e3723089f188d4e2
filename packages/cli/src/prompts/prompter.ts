/** The questions the CLI may ask. Only ever called when standard input is a terminal. */
export interface Prompter {
  /** A yes/no question; `initial` is the answer on Enter. Cancel (Ctrl-C) counts as no. */
  confirm(message: string, initial?: boolean): Promise<boolean>;
  /** A line of text; `undefined` when cancelled. */
  text(message: string, options?: { readonly placeholder?: string; readonly validate?: (value: string) => string | undefined }): Promise<string | undefined>;
}
